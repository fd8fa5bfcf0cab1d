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

    listener.retryScheduled(
        7,
        "GET /ent/v2/tasks/t-1/creations",
        1,
        2,
        Duration.ofMillis(500),
        new ViduException("HTTP 503"));
    listener.taskStateObserved(8, "t-1", "processing", Duration.ofSeconds(3));
    listener.downloadFinished(
        9, "https://cdn.example/1.png?sig=\u2026", Optional.empty(), 10, Duration.ofMillis(5));
    listener.callbackRejected(10, InvalidSignatureException.Reason.BAD_SIGNATURE);

    assertThat(lines)
        .containsExactly(
            "WARN #7 retrying GET /ent/v2/tasks/t-1/creations in 500 ms (retry 1 of 2): HTTP 503",
            "DEBUG #8 task t-1 is processing after 3000 ms",
            "DEBUG #9 downloaded 10 bytes from https://cdn.example/1.png?sig=\u2026 in 5 ms",
            "WARN #10 callback rejected: BAD_SIGNATURE");
  }

  @Test
  void aDisabledLevelWritesNothing() {
    debugEnabled = false;
    ViduEventListener listener = Slf4jEventListener.to(logger);

    listener.taskStateObserved(1, "t-1", "processing", Duration.ofSeconds(3));
    listener.downloadFinished(
        2, "https://cdn.example/1.png?sig=\u2026", Optional.empty(), 10, Duration.ofMillis(5));
    listener.callbackVerified(3, Optional.of("t-1"));

    assertThat(lines).isEmpty();
  }
}
