package io.github.vidu4j.facade;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.TaskQuery;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.RawJson;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.testing.RawHttpServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile answers on every response path (create, create and await, get, list, credits, cancel, and
 * error statuses): random and mutated JSON with wrong types, nulls, deep nesting, huge strings, the
 * API key, truncation, random bytes, and lying framing. Whatever arrives, a call returns or throws
 * a {@code ViduException}, and the key is in no message. Bounded by tries: a few seconds.
 */
class ResponsePropertiesTest {
  static final String KEY = ClientHarness.API_KEY;
  static final long CAP = 128 * 1024;

  static RawHttpServer server;
  static FakeTime time;
  static ViduClient client;

  @BeforeContainer
  static void start() throws IOException {
    server = new RawHttpServer();
    time = new FakeTime();
    client =
        ViduClient.builder()
            .apiKey(KEY)
            .baseUrl(server.url())
            .clock(time)
            .sleeper(time)
            .maxRetries(0)
            .callTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(5))
            .maxResponseBytes(CAP)
            .build();
  }

  @AfterContainer
  static void stop() throws IOException {
    client.close();
    server.close();
  }

  /** Vidu-shaped answers, one per response path, as the spec's examples have them. */
  static final List<String> SEEDS =
      List.of(
          "{\"task_id\":\"860245771473956864\",\"state\":\"created\",\"model\":\"viduq2\",\"prompt\":\"a red fox\",\"images\":[],"
              + "\"resolution\":\"2K\",\"credits\":4,\"created_at\":\"2026-11-25T10:00:00Z\"}",
          "{\"id\":\"860245771473956864\",\"state\":\"success\",\"err_code\":\"\",\"credits\":4,\"creations\":[{\"id\":\"c1\","
              + "\"url\":\"https://files.vidu.com/a.png\",\"cover_url\":\"https://files.vidu.com/a-cover.png\",\"moderation_url\":[]}],"
              + "\"created_at\":\"2026-11-25T10:00:00Z\"}",
          "{\"next_page_token\":\"eyJwYWdlIjoxfQ\",\"tasks\":[{\"id\":\"860245771473956864\",\"key_id\":\"k1\",\"type\":\"unspecified\","
              + "\"model\":\"viduq2\",\"images\":[],\"state\":\"success\",\"duration\":0,\"creations\":[{\"id\":\"c1\",\"url\":\"https://x/a.png\"}],"
              + "\"created_at\":\"2025-08-07T09:53:22Z\",\"credits\":12}]}",
          "{\"remains\":[{\"type\":\"metered\",\"credit_remain\":1180,\"concurrency_limit\":5,\"current_concurrency\":1,\"queue_count\":0}],"
              + "\"packages\":[{\"id\":\"pkg-1\",\"name\":\"Starter\",\"credit_amount\":2000,\"valid_to\":\"2026-07-01T00:00:00Z\"}]}",
          "{}",
          "{\"code\":400,\"reason\":\"FieldInvalid\",\"message\":\"invalid field: aspect_ratio\",\"metadata\":{\"trace_id\":\"04e5c2fe\"}}");

  enum Call {
    CREATE(c -> c.images().create(request())),
    CREATE_AND_AWAIT(
        c ->
            c.images()
                .createAndAwait(
                    request(), AwaitOptions.defaults().withTimeout(Duration.ofSeconds(3)))),
    GET(c -> c.tasks().get("860245771473956864")),
    LIST(c -> c.tasks().list(TaskQuery.all())),
    LIST_ALL(c -> c.tasks().listAll(TaskQuery.all()).limit(3).toList()),
    CREDITS(c -> c.credits(true)),
    CANCEL(
        c -> {
          c.tasks().cancel("860245771473956864");
          return null;
        });

    @SuppressWarnings("ImmutableEnumChecker") // a stateless lambda per constant
    final Function<ViduClient, Object> run;

    Call(Function<ViduClient, Object> run) {
      this.run = run;
    }
  }

  static ReferenceToImageRequest request() {
    return new ReferenceToImageRequest().model("viduq2").prompt("a red fox");
  }

  /**
   * How the body is framed: honestly, close-delimited, chunked, or with a Content-Length that lies.
   */
  enum Framing {
    LENGTH,
    CLOSE,
    CHUNKED,
    LYING_LENGTH
  }

  @Property(tries = 400, shrinking = ShrinkingMode.BOUNDED)
  void mutatedJsonOnEveryPathFailsOnlyTyped(
      @ForAll Call call,
      @ForAll @IntRange(min = 0, max = 5) int seed,
      @ForAll("mutations") List<int[]> mutations,
      @ForAll("statuses") int status,
      @ForAll Framing framing,
      @ForAll @IntRange(min = -3000, max = 4000) int cut,
      @ForAll @IntRange(min = -8, max = 8) int lie,
      @ForAll @IntRange(min = 0, max = 9) int oversized,
      @ForAll("headers") String header) {
    JsonElement tree = JsonParser.parseString(SEEDS.get(seed));
    for (int[] m : mutations) {
      tree = mutate(tree, m[0], m[1], m[2]);
    }
    if (oversized == 0 && tree instanceof JsonObject object) {
      // One in ten: an unknown field that takes the answer over maxResponseBytes.
      object.addProperty("padding", "x".repeat((int) CAP));
    }
    byte[] body = tree.toString().getBytes(UTF_8);
    if (cut >= 0 && cut < body.length) {
      body = Arrays.copyOf(body, cut);
    }
    assertOnlyTypedAndKeyFree(call, status, framing, body, lie, header);
  }

  @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
  void randomBytesOnEveryPathFailOnlyTyped(
      @ForAll Call call,
      @ForAll @Size(max = 300) byte[] body,
      @ForAll("statuses") int status,
      @ForAll Framing framing,
      @ForAll @IntRange(min = -8, max = 8) int lie,
      @ForAll("headers") String header) {
    assertOnlyTypedAndKeyFree(call, status, framing, body, lie, header);
  }

  static void assertOnlyTypedAndKeyFree(
      Call call, int status, Framing framing, byte[] body, int lie, String header) {
    server.respondWith(
        (request, out) -> {
          switch (framing) {
            case LENGTH ->
                out.write(
                    RawHttpServer.head(status + " X", header, "Content-Length: " + body.length));
            case CLOSE -> out.write(RawHttpServer.head(status + " X", header));
            case CHUNKED ->
                out.write(RawHttpServer.head(status + " X", header, "Transfer-Encoding: chunked"));
            case LYING_LENGTH ->
                out.write(
                    RawHttpServer.head(
                        status + " X", header, "Content-Length: " + (body.length + lie)));
          }
          if (framing == Framing.CHUNKED) {
            out.write((Integer.toHexString(body.length) + "\r\n").getBytes(UTF_8));
            out.write(body);
            out.write("\r\n0\r\n\r\n".getBytes(UTF_8));
          } else {
            out.write(body);
          }
        });
    Throwable thrown = null;
    try {
      Object result = call.run.apply(client);
      if (result != null && !(result instanceof List<?>)) {
        // The raw JSON kept for unknown fields is a response path too.
        RawJson.of(result);
        RawJson.unknownFields(result);
        RawJson.field(result, "state");
      }
    } catch (Throwable t) {
      thrown = t;
    }
    Statistics.collect(thrown == null ? "returned" : thrown.getClass().getSimpleName());
    if (thrown != null) {
      SecretsInResponsesTest.assertKeyNowhere(thrown);
    }
  }

  /**
   * A content type or a header next to it that the client reads: odd charsets, encodings,
   * Retry-After values.
   */
  @Provide
  Arbitrary<String> headers() {
    return Arbitraries.of(
        "Content-Type: application/json",
        "Content-Type: application/json; charset=UTF-8",
        "Content-Type: application/json; charset=nope",
        "Content-Type: text/html; charset=UTF-16",
        "Content-Type: application/json\r\nContent-Encoding: gzip",
        "Content-Type: application/json\r\nContent-Encoding: br",
        "Content-Type: application/json\r\nRetry-After: -1",
        "Content-Type: application/json\r\nRetry-After: 99999999999999999999",
        "Content-Type: application/json\r\nRetry-After: Mon, 32 Foo 2026 99:99:99 GMT",
        "Content-Type: application/json\r\nRetry-After: " + KEY,
        "Content-Type: " + KEY);
  }

  @Provide
  Arbitrary<Integer> statuses() {
    return Arbitraries.of(200, 200, 200, 200, 201, 204, 400, 401, 404, 429, 500, 502);
  }

  @Provide
  Arbitrary<List<int[]>> mutations() {
    Arbitrary<int[]> one =
        Combinators.combine(
                Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, REPLACEMENTS - 1),
                Arbitraries.integers().between(0, 1 << 20))
            .as((node, kind, size) -> new int[] {node, kind, size});
    return one.list().ofMaxSize(4);
  }

  static final int REPLACEMENTS = 14;

  /**
   * The value that replaces a node: wrong types, nulls, the key, deep nesting, huge strings and
   * numbers.
   */
  static JsonElement replacement(int kind, int size) {
    return switch (kind) {
      case 0 -> JsonNull.INSTANCE;
      case 1 -> new JsonPrimitive(KEY);
      case 2 -> new JsonPrimitive("Token " + KEY);
      case 3 -> new JsonPrimitive(size);
      case 4 -> new JsonPrimitive(-1.5e300);
      case 5 -> new JsonPrimitive(new java.math.BigInteger("9".repeat(40)));
      case 6 -> new JsonPrimitive(size % 2 == 0);
      // Half of them over the cap, the others long but under it.
      case 7 -> new JsonPrimitive("x".repeat(size % 2 == 0 ? (int) CAP + 1 : 1000 + size % 60_000));
      case 8 -> new JsonArray();
      case 9 -> {
        JsonObject object = new JsonObject();
        object.addProperty(KEY, size);
        yield object;
      }
      case 10 -> nested(200 + size % 400);
      case 11 -> new JsonPrimitive("2026-13-45T99:99:99Z");
      case 12 -> new JsonPrimitive("\u0000\ud800" + KEY);
      default -> new JsonPrimitive("");
    };
  }

  static JsonElement nested(int depth) {
    JsonElement inner = new JsonPrimitive(1);
    for (int i = 0; i < depth; i++) {
      if (i % 2 == 0) {
        JsonArray array = new JsonArray();
        array.add(inner);
        inner = array;
      } else {
        JsonObject object = new JsonObject();
        object.add("a", inner);
        inner = object;
      }
    }
    return inner;
  }

  /** {@code tree} with its {@code node}-th node (depth first, the root counted) replaced. */
  static JsonElement mutate(JsonElement tree, int node, int kind, int size) {
    List<Runnable> replacers = new ArrayList<>();
    JsonElement replacement = replacement(kind, size);
    collect(tree, replacers, replacement);
    int index = node % (replacers.size() + 1);
    if (index == replacers.size()) {
      return replacement;
    }
    replacers.get(index).run();
    return tree;
  }

  private static void collect(
      JsonElement element, List<Runnable> replacers, JsonElement replacement) {
    if (element instanceof JsonObject object) {
      for (String name : new ArrayList<>(object.keySet())) {
        replacers.add(() -> object.add(name, replacement));
        collect(object.get(name), replacers, replacement);
      }
    } else if (element instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        int at = i;
        replacers.add(() -> array.set(at, replacement));
        collect(array.get(i), replacers, replacement);
      }
    }
  }

  @Property(tries = 10)
  void theMutatorReachesEveryNode(@ForAll @IntRange(min = 0, max = 5) int seed) {
    // Guards the generator: every node of a seed can be replaced, so no path goes unmutated.
    JsonElement tree = JsonParser.parseString(SEEDS.get(seed));
    List<Runnable> replacers = new ArrayList<>();
    collect(tree, replacers, JsonNull.INSTANCE);
    assertThat(replacers.size()).isEqualTo(countNodes(tree) - 1);
  }

  private static int countNodes(JsonElement element) {
    int count = 1;
    if (element instanceof JsonObject object) {
      for (String name : object.keySet()) {
        count += countNodes(object.get(name));
      }
    } else if (element instanceof JsonArray array) {
      for (JsonElement item : array) {
        count += countNodes(item);
      }
    }
    return count;
  }
}
