package io.github.vidu4j.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.vidu4j.core.RawJson;
import io.github.vidu4j.core.internal.ViduGson;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads every example in {@code openapi/vidu.yaml} through the generated model of its schema and
 * back, so that examples and models cannot drift apart: an example field the model does not know,
 * or a value the model cannot hold, fails here.
 */
class SpecExamplesRoundTripTest {
  private static final String MODEL_PACKAGE = "io.github.vidu4j.model.";

  /** Schemas with no generated class: the empty cancel response maps to {@code Object}. */
  private static final Set<String> WITHOUT_MODEL = Set.of("CancelTaskResponse");

  private static final Gson GSON = ViduGson.gson();

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleReadsIntoItsModelAndWritesBackUnchanged(
      String where, String schema, JsonElement example) throws ClassNotFoundException {
    Class<?> model = Class.forName(MODEL_PACKAGE + schema);

    Object parsed = GSON.fromJson(example, model);

    assertThat(RawJson.unknownFields(parsed)).as("fields the model does not declare").isEmpty();
    JsonElement written = GSON.toJsonTree(parsed);
    assertSameJson(written, example, where);
    assertThat(GSON.fromJson(written, model)).isEqualTo(parsed);
  }

  @Test
  void everyOperationAndSchemaThatCarriesDataHasAnExample() {
    List<Arguments> all = examples().toList();
    Set<String> covered = new java.util.HashSet<>();
    for (Arguments arguments : all) {
      covered.add((String) arguments.get()[1]);
    }
    assertThat(covered)
        .contains(
            "ReferenceToImageRequest",
            "ReferenceToImageTask",
            "TaskCreations",
            "CancelTaskRequest",
            "TaskList",
            "Credits",
            "ErrorResponse");
  }

  static Stream<Arguments> examples() {
    Map<String, Object> spec = loadSpec();
    Map<String, Object> components = map(spec.get("components"));
    Map<String, Object> namedExamples = map(components.get("examples"));
    List<Arguments> found = new ArrayList<>();

    for (Map.Entry<String, Object> schema : map(components.get("schemas")).entrySet()) {
      Object example = map(schema.getValue()).get("example");
      if (example != null) {
        found.add(example("schema " + schema.getKey(), schema.getKey(), example));
      }
    }
    forEachMediaType(
        spec,
        (where, media) -> {
          String schema = schemaName(media.get("schema"));
          Map<String, Object> exs =
              media.containsKey("examples") ? map(media.get("examples")) : Map.of();
          for (Map.Entry<String, Object> ex : exs.entrySet()) {
            Map<String, Object> body = map(ex.getValue());
            if (body.containsKey("$ref")) {
              String ref = (String) body.get("$ref");
              body = map(namedExamples.get(ref.substring(ref.lastIndexOf('/') + 1)));
            }
            if (schema != null && !WITHOUT_MODEL.contains(schema)) {
              found.add(example(where + " " + ex.getKey(), schema, body.get("value")));
            }
          }
        });
    return found.stream();
  }

  private interface MediaVisitor {
    void visit(String where, Map<String, Object> media);
  }

  private static void forEachMediaType(Map<String, Object> spec, MediaVisitor visitor) {
    Map<String, Object> components = map(spec.get("components"));
    for (Map.Entry<String, Object> response : map(components.get("responses")).entrySet()) {
      visitContent("response " + response.getKey(), map(response.getValue()), visitor);
    }
    for (Map.Entry<String, Object> path : map(spec.get("paths")).entrySet()) {
      for (Map.Entry<String, Object> op : map(path.getValue()).entrySet()) {
        Map<String, Object> operation = map(op.getValue());
        String where = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
        if (operation.containsKey("requestBody")) {
          visitContent(where + " request", map(operation.get("requestBody")), visitor);
        }
        for (Map.Entry<String, Object> response : map(operation.get("responses")).entrySet()) {
          visitContent(where + " " + response.getKey(), map(response.getValue()), visitor);
        }
      }
    }
  }

  private static void visitContent(String where, Map<String, Object> holder, MediaVisitor visitor) {
    Object content = holder.get("content");
    if (content != null) {
      for (Map.Entry<String, Object> media : map(content).entrySet()) {
        visitor.visit(where + " " + media.getKey(), map(media.getValue()));
      }
    }
  }

  private static String schemaName(Object schema) {
    if (schema == null) {
      return null;
    }
    Object ref = map(schema).get("$ref");
    return ref == null ? null : ((String) ref).substring(((String) ref).lastIndexOf('/') + 1);
  }

  private static Arguments example(String where, String schema, Object value) {
    return Arguments.of(where, schema, GSON.toJsonTree(value));
  }

  /** Equal JSON, where two strings that are the same instant and offset count as equal. */
  private static void assertSameJson(JsonElement actual, JsonElement expected, String where) {
    if (expected.isJsonObject()) {
      assertThat(actual.isJsonObject()).as(where).isTrue();
      JsonObject a = actual.getAsJsonObject();
      JsonObject e = expected.getAsJsonObject();
      assertThat(a.keySet()).as(where).isEqualTo(e.keySet());
      for (String key : e.keySet()) {
        assertSameJson(a.get(key), e.get(key), where + "." + key);
      }
    } else if (expected.isJsonArray()) {
      assertThat(actual.isJsonArray()).as(where).isTrue();
      assertThat(actual.getAsJsonArray().size())
          .as(where)
          .isEqualTo(expected.getAsJsonArray().size());
      for (int i = 0; i < expected.getAsJsonArray().size(); i++) {
        assertSameJson(
            actual.getAsJsonArray().get(i),
            expected.getAsJsonArray().get(i),
            where + "[" + i + "]");
      }
    } else if (expected.isJsonPrimitive() && expected.getAsJsonPrimitive().isString()) {
      assertThat(actual.isJsonPrimitive() && actual.getAsJsonPrimitive().isString())
          .as(where + " is a string")
          .isTrue();
      String e = expected.getAsString();
      String a = actual.getAsString();
      if (!a.equals(e)) {
        assertThat(asDateTime(a)).as(where).isNotNull().isEqualTo(asDateTime(e));
      }
    } else if (expected.isJsonPrimitive() && expected.getAsJsonPrimitive().isNumber()) {
      assertThat(actual.isJsonPrimitive() && actual.getAsJsonPrimitive().isNumber())
          .as(where + " is a number")
          .isTrue();
      assertThat(actual.getAsBigDecimal())
          .as(where)
          .isEqualByComparingTo(expected.getAsBigDecimal());
    } else {
      assertThat(actual).as(where).isEqualTo(expected);
    }
  }

  private static OffsetDateTime asDateTime(String text) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException notADate) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o == null ? Map.of() : (Map<String, Object>) o;
  }

  private static Map<String, Object> loadSpec() {
    Path spec = Path.of(System.getProperty("vidu.spec", "../openapi/vidu.yaml"));
    try (Reader reader = Files.newBufferedReader(spec)) {
      return new Yaml().load(reader);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + spec, e);
    }
  }
}
