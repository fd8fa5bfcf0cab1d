package io.github.vidu4j.contract;

import au.com.dius.pact.consumer.MockServer;
import com.google.gson.JsonPrimitive;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.ViduSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** The names and values every contract shares: who talks to whom, and with which key. */
public final class Contract {
  /** The consumer: this project's Java client. */
  public static final String CONSUMER = "vidu4j-client";

  /** Vidu's HTTP API. */
  public static final String API = "vidu-api";

  /** Vidu's signed callbacks, a provider of asynchronous messages. */
  public static final String CALLBACKS = "vidu-callbacks";

  /** The key the consumer sends and the sandbox accepts. */
  public static final String API_KEY = "test-key";

  /**
   * A response field no release of the client knows. Every response in the contracts carries it, so
   * the contracts pin forward compatibility: a new field from Vidu must never break the client.
   */
  public static final String NEW_FIELD = "x_new_field";

  public static final String NEW_FIELD_VALUE = "added by Vidu after this client was released";

  /** The callback URL as registered with the task; its path and query are signed. */
  public static final String CALLBACK_URL =
      "https://receiver.example.com/vidu/callback?tenant=acme";

  /** The headers Vidu signs a callback with, named as Vidu writes them. */
  public static final List<String> SIGNATURE_HEADERS =
      List.of(
          "Date",
          "x-request-nonce",
          "X-HMAC-SIGNED-HEADERS",
          "X-HMAC-SIGNATURE",
          "X-HMAC-ALGORITHM",
          "X-HMAC-ACCESS-KEY");

  /** RFC 1123 dates, as in the callback's Date header. */
  public static final String RFC_1123 =
      "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} GMT";

  public static final String BASE64 = "[A-Za-z0-9+/]+={0,2}";
  public static final String UUID =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
  public static final String HTTP_URL = "https?://\\S+";
  public static final String DATE_TIME =
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})";
  public static final String EXAMPLE_DATE_TIME = "2025-08-07T09:53:22Z";

  private Contract() {}

  /**
   * The real client, pointed at Pact's mock server; no retries, so one request is one interaction.
   */
  public static ViduClient clientFor(MockServer server) {
    return ViduClient.builder().apiKey(API_KEY).baseUrl(server.getUrl()).maxRetries(0).build();
  }

  /**
   * The provider the contracts are verified against: the sandbox with fast timings, accepting
   * {@link #API_KEY} and adding {@link #NEW_FIELD} to every answer. The caller closes it.
   */
  public static ViduSandbox providerSandbox() {
    return ViduSandbox.start(
        SandboxOptions.fast().toBuilder()
            .apiKey(API_KEY)
            .extraField(NEW_FIELD, new JsonPrimitive(NEW_FIELD_VALUE).toString())
            .build());
  }

  /** The working spec, {@code openapi/vidu.yaml}. */
  public static Path spec() {
    return pathProperty("vidu.spec", "../openapi/vidu.yaml");
  }

  /** Where the consumer tests write the pact files. */
  public static Path pactsDir() {
    return pathProperty("pact.rootDir", "target/pacts");
  }

  /** The pact file written for {@code provider}. */
  public static Path pactFile(String provider) {
    Path file = pactsDir().resolve(CONSUMER + "-" + provider + ".json");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "No pact file " + file + ": the consumer tests write it in the build's first test run");
    }
    return file;
  }

  private static Path pathProperty(String name, String fallback) {
    String value = System.getProperty(name);
    return Paths.get(value == null || value.isBlank() ? fallback : value)
        .toAbsolutePath()
        .normalize();
  }
}
