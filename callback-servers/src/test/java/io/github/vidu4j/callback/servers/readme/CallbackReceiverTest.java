package io.github.vidu4j.callback.servers.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.vidu4j.callback.CallbackSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The receiver of docs/callbacks.md, run; the client's {@code ReadmeExamplesTest} checks that the
 * page shows this module's {@link CallbackReceiver} verbatim.
 */
class CallbackReceiverTest {
  @Test
  void receiverAcceptsASignedCallbackOnceAndRefusesReplaysAndForgeries() throws Exception {
    HttpServer server = CallbackReceiver.start(0, "new-key", "old-key");
    try {
      // Delivered to a local port, verified against the registered public URL: as behind a proxy.
      String local = "http://127.0.0.1:" + server.getAddress().getPort() + "/vidu/callback?tenant=acme";
      OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();
      Map<String, String> byOldKey = CallbackSigner.withSecret("old-key").sign("POST", CallbackReceiver.CALLBACK_URL, Instant.now(), "n-1");
      Map<String, String> byStranger = CallbackSigner.withSecret("stranger").sign("POST", CallbackReceiver.CALLBACK_URL, Instant.now(), "n-2");
      assertThat(post(http, local, byOldKey)).isEqualTo(200);
      assertThat(post(http, local, byOldKey)).isEqualTo(401);
      assertThat(post(http, local, byStranger)).isEqualTo(401);
    } finally {
      server.stop(0);
    }
  }

  private static int post(OkHttpClient http, String url, Map<String, String> signatureHeaders) throws Exception {
    Request.Builder request = new Request.Builder().url(url)
        .post(RequestBody.create("{\"id\":\"t-1\",\"state\":\"success\"}", MediaType.get("application/json")));
    signatureHeaders.forEach(request::header);
    try (Response response = http.newCall(request.build()).execute()) {
      return response.code();
    }
  }
}
