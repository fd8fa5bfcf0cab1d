package io.github.vidu4j.contract.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The specs under test, and in-memory edits of them for the tests that show the gate can fail.
 *
 * <p>Edits work on the YAML tree and write it back with a plain {@link YAMLMapper}, which quotes
 * every string. Not with swagger's {@code Yaml.mapper()}/{@code Yaml.pretty()}: they minimise
 * quotes and write {@code '16:9'} as {@code 16:9}, which the YAML 1.1 parser under swagger-parser
 * reads back as the base-60 integer 969, so the "unchanged" copy would differ from the original.
 */
final class SpecEdit {
  static final String SCHEMAS = "/components/schemas";

  /**
   * The callback operation: {@code POST /ent/v2/reference2image}, callback {@code
   * taskStateChanged}.
   */
  static final String CALLBACK_OPERATION =
      "/paths/~1ent~1v2~1reference2image/post/callbacks/taskStateChanged/{$request.body#~1callback_url}/post";

  static final String CALLBACK_BODY_SCHEMA =
      CALLBACK_OPERATION + "/requestBody/content/application~1json/schema";

  private static final YAMLMapper YAML = new YAMLMapper();

  private final ObjectNode root;

  private SpecEdit(ObjectNode root) {
    this.root = root;
  }

  /** The working spec, {@code openapi/vidu.yaml}. */
  static String working() {
    return read("vidu.spec", "../openapi/vidu.yaml");
  }

  /** The last released spec, {@code openapi/released/vidu.yaml}. */
  static String released() {
    return read("vidu.released.spec", "../openapi/released/vidu.yaml");
  }

  private static String read(String property, String fromModuleDirectory) {
    Path spec = Path.of(System.getProperty(property, fromModuleDirectory));
    try {
      return Files.readString(spec);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + spec + " (system property " + property + ")", e);
    }
  }

  static SpecEdit of(String yaml) {
    try {
      return new SpecEdit((ObjectNode) YAML.readTree(yaml));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not YAML", e);
    }
  }

  SpecEdit version(String version) {
    object("/info").put("version", version);
    return this;
  }

  /** The object at a JSON pointer ({@code ~1} for {@code /}), failing loudly if there is none. */
  ObjectNode object(String pointer) {
    JsonNode node = root.at(pointer);
    if (!node.isObject()) {
      throw new IllegalArgumentException("no object at " + pointer);
    }
    return (ObjectNode) node;
  }

  ArrayNode array(String pointer) {
    JsonNode node = root.at(pointer);
    if (!node.isArray()) {
      throw new IllegalArgumentException("no array at " + pointer);
    }
    return (ArrayNode) node;
  }

  /**
   * Gives the callback its own copy of {@code TaskCreations}, named {@code TaskCallbackBody}, and
   * returns the copy's pointer: edits under it change the callback only, not the Get Generation
   * response (the two share {@code TaskCreations}, so openapi-diff would see an edit to it).
   */
  String callbackBodyOnly() {
    object(SCHEMAS).set("TaskCallbackBody", object(SCHEMAS + "/TaskCreations").deepCopy());
    object(CALLBACK_BODY_SCHEMA).put("$ref", "#/components/schemas/TaskCallbackBody");
    return SCHEMAS + "/TaskCallbackBody";
  }

  String yaml() {
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
