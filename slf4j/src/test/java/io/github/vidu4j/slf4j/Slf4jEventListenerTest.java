package io.github.vidu4j.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.core.ViduEventListener;
import io.github.vidu4j.core.ViduException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.helpers.MessageFormatter;

class Slf4jEventListenerTest {
  private final List<String> lines = new ArrayList<>();
  private boolean debugEnabled = true;

  /**
   * A logger that formats what it is given, as a binding would, at WARN and (when enabled) DEBUG.
   */
  private final Logger logger =
      (Logger)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {Logger.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "isDebugEnabled" -> debugEnabled;
                    case "isWarnEnabled" -> true;
                    case "debug", "warn" -> {
                      if (method.getName().equals("warn") || debugEnabled) {
                        Object[] params =
                            args.length == 2 && args[1] instanceof Object[] many
                                ? many
                                : Arrays.copyOfRange(args, 1, args.length);
                        lines.add(
                            method.getName().toUpperCase(java.util.Locale.ROOT)
                                + " "
                                + MessageFormatter.arrayFormat((String) args[0], params)
                                    .getMessage());
                      }
                      yield null;
                    }
                    case "getName" -> "test";
                    default -> throw new UnsupportedOperationException(method.getName());
                  });

  @Test
  void eachEventIsOneLineAtItsLevel() {
    ViduEventListener listener = Slf4jEventListener.to(logger);

    listener.requestStarted("GET", "https://api.vidu.com/ent/v2/tasks/t-1/creations");
    listener.responseReceived(
        "GET",
        "https://api.vidu.com/ent/v2/tasks/t-1/creations",
        503,
        Duration.ofMillis(12),
        Optional.of("abc123"));
    listener.retryScheduled(
        "GET /ent/v2/tasks/t-1/creations",
        1,
        2,
        Duration.ofMillis(500),
        new ViduException("HTTP 503"));
    listener.taskStateObserved("t-1", "processing", Duration.ofSeconds(3));
    listener.callbackRejected(InvalidSignatureException.Reason.BAD_SIGNATURE);

    assertThat(lines)
        .containsExactly(
            "DEBUG --> GET https://api.vidu.com/ent/v2/tasks/t-1/creations",
            "DEBUG <-- 503 GET https://api.vidu.com/ent/v2/tasks/t-1/creations (12 ms, trace_id abc123)",
            "WARN retrying GET /ent/v2/tasks/t-1/creations in 500 ms (retry 1 of 2): HTTP 503",
            "DEBUG task t-1 is processing after 3000 ms",
            "WARN callback rejected: BAD_SIGNATURE");
  }

  @Test
  void aDisabledLevelWritesNothing() {
    debugEnabled = false;
    ViduEventListener listener = Slf4jEventListener.to(logger);

    listener.requestStarted("GET", "https://api.vidu.com/ent/v2/credits");
    listener.taskStateObserved("t-1", "processing", Duration.ofSeconds(3));
    listener.downloadFinished(
        "https://cdn.example/1.png?sig=\u2026", Optional.empty(), 10, Duration.ofMillis(5));

    assertThat(lines).isEmpty();
  }
}
