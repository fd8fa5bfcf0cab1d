package io.github.vidu4j.contract.gate;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.callbacks.Callback;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares what Vidu sends, judged from the side that reads it, where openapi-diff is blind or
 * lenient: the callbacks (openapi-diff reports a spec whose only change is in a callback as
 * unchanged) and the response bodies (openapi-diff lets an optional response property go).
 *
 * <p>A callback is a request that Vidu sends and the user's receiver reads, so compatibility is
 * judged from the receiver's side, as for a response. Incompatible, in the body schema (followed
 * through {@code $ref}, {@code allOf}, properties and array items):
 *
 * <ul>
 *   <li>a property removed, or no longer required (the receiver relied on it). Stricter than
 *       openapi-diff, which lets an optional response property go: receivers generated from the
 *       spec lose the field, and code that reads it stops compiling;
 *   <li>a type or format changed, or a schema that may now be {@code null};
 *   <li>an {@code enum} that gained a value, or lost its {@code enum} altogether: a receiver
 *       generated with a closed enum rejects the new value. This is openapi-diff's rule for
 *       responses too, and {@code TaskState} is a closed {@code enum} in this spec ("clients must
 *       tolerate" unknown states is advice, not a licence): to add a state without a major release,
 *       turn it into an {@code x-extensible-enum} in one first.
 * </ul>
 *
 * <p>Compatible: new properties, required or not (receivers ignore fields they do not know), a
 * property that becomes required, an {@code enum} that loses values, and any change to an {@code
 * x-extensible-enum} (open by definition). The same rules apply to the operation's parameters,
 * which for the callback are its six signature headers: a removed header, one no longer required,
 * or a changed type or {@code enum} is incompatible; header names are compared case-insensitively.
 * A removed callback, URL expression, method, body or media type is incompatible. {@code
 * oneOf}/{@code anyOf} are not compared: the callback does not use them, and a schema that does
 * makes this check throw rather than guess.
 *
 * <p>{@link #responseChanges} applies the same schema rules to every response body of every
 * operation (a removed response, status or media type is incompatible too); openapi-diff still
 * judges everything else about the operations.
 */
final class ReceiverSideCompatibility {
  private static final String SCHEMAS = "#/components/schemas/";
  private static final String PARAMETERS = "#/components/parameters/";
  private static final String REQUEST_BODIES = "#/components/requestBodies/";
  private static final String CALLBACKS = "#/components/callbacks/";
  private static final String RESPONSES = "#/components/responses/";

  private final OpenAPI released;
  private final OpenAPI working;
  private final List<String> changes = new ArrayList<>();

  /** Pairs of referenced schemas being compared, so that a recursive schema ends. */
  private final Set<String> comparing = new HashSet<>();

  private ReceiverSideCompatibility(OpenAPI released, OpenAPI working) {
    this.released = released;
    this.working = working;
  }

  /** The incompatible callback changes from {@code released} to {@code working}, readable. */
  static List<String> incompatibleChanges(String releasedYaml, String workingYaml) {
    return incompatibleChanges(parse(releasedYaml), parse(workingYaml));
  }

  static List<String> incompatibleChanges(OpenAPI released, OpenAPI working) {
    ReceiverSideCompatibility check = new ReceiverSideCompatibility(released, working);
    check.compareAllCallbacks();
    return List.copyOf(check.changes);
  }

  /**
   * The incompatible changes to response bodies from {@code released} to {@code working}, readable.
   */
  static List<String> responseChanges(String releasedYaml, String workingYaml) {
    ReceiverSideCompatibility check =
        new ReceiverSideCompatibility(parse(releasedYaml), parse(workingYaml));
    check.compareAllResponses();
    return List.copyOf(check.changes);
  }

  static OpenAPI parse(String yaml) {
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, null);
    if (result.getOpenAPI() == null) {
      throw new IllegalArgumentException("not an OpenAPI document: " + result.getMessages());
    }
    return result.getOpenAPI();
  }

  /** Each operation of the released spec, with its twin in the working spec (null when gone). */
  private interface OperationPair {
    void visit(
        String path, PathItem.HttpMethod method, Operation oldOperation, Operation newOperation);
  }

  private void forEachReleasedOperation(OperationPair visitor) {
    Map<String, PathItem> newPaths = orEmpty(working.getPaths());
    orEmpty(released.getPaths())
        .forEach(
            (path, oldItem) -> {
              Map<PathItem.HttpMethod, Operation> newOperations =
                  newPaths.containsKey(path) ? newPaths.get(path).readOperationsMap() : Map.of();
              oldItem
                  .readOperationsMap()
                  .forEach(
                      (method, oldOperation) ->
                          visitor.visit(path, method, oldOperation, newOperations.get(method)));
            });
  }

  private void compareAllCallbacks() {
    forEachReleasedOperation(
        (path, method, oldOperation, newOperation) -> {
          Map<String, Callback> newCallbacks =
              newOperation == null ? Map.of() : orEmpty(newOperation.getCallbacks());
          orEmpty(oldOperation.getCallbacks())
              .forEach(
                  (name, oldCallback) -> {
                    String where = "callback `" + name + "` of " + method + " " + path;
                    Callback newCallback = newCallbacks.get(name);
                    if (newCallback == null) {
                      changes.add(where + ": removed");
                    } else {
                      compareCallback(
                          where, callback(released, oldCallback), callback(working, newCallback));
                    }
                  });
        });
  }

  private void compareAllResponses() {
    forEachReleasedOperation(
        (path, method, oldOperation, newOperation) -> {
          if (newOperation == null) {
            return; // a removed operation is openapi-diff's to report
          }
          Map<String, ApiResponse> newResponses = orEmpty(newOperation.getResponses());
          orEmpty(oldOperation.getResponses())
              .forEach(
                  (status, declaredOld) -> {
                    String where = method + " " + path + " response " + status;
                    ApiResponse declaredNew = newResponses.get(status);
                    if (declaredNew == null) {
                      changes.add(where + ": removed");
                      return;
                    }
                    ApiResponse oldResponse =
                        resolve(
                            released,
                            declaredOld.get$ref(),
                            RESPONSES,
                            declaredOld,
                            c -> c.getResponses());
                    ApiResponse newResponse =
                        resolve(
                            working,
                            declaredNew.get$ref(),
                            RESPONSES,
                            declaredNew,
                            c -> c.getResponses());
                    Map<String, MediaType> newContent = orEmpty(newResponse.getContent());
                    orEmpty(oldResponse.getContent())
                        .forEach(
                            (mediaType, oldMedia) -> {
                              MediaType newMedia = newContent.get(mediaType);
                              if (newMedia == null) {
                                changes.add(where + ": media type `" + mediaType + "` removed");
                              } else if (oldMedia.getSchema() != null) {
                                compareSchema(
                                    where, "body", "", oldMedia.getSchema(), newMedia.getSchema());
                              }
                            });
                  });
        });
  }

  private void compareCallback(String where, Callback oldCallback, Callback newCallback) {
    oldCallback.forEach(
        (expression, oldItem) -> {
          PathItem newItem = newCallback.get(expression);
          if (newItem == null) {
            changes.add(where + ": URL expression `" + expression + "` removed");
            return;
          }
          Map<PathItem.HttpMethod, Operation> newOperations = newItem.readOperationsMap();
          oldItem
              .readOperationsMap()
              .forEach(
                  (method, oldOperation) -> {
                    Operation newOperation = newOperations.get(method);
                    if (newOperation == null) {
                      changes.add(where + ": " + method + " `" + expression + "` removed");
                    } else {
                      compareParameters(where, oldOperation, newOperation);
                      compareBody(
                          where, oldOperation.getRequestBody(), newOperation.getRequestBody());
                    }
                  });
        });
  }

  private void compareParameters(String where, Operation oldOperation, Operation newOperation) {
    Map<String, Parameter> newParameters = parametersByKey(working, newOperation);
    parametersByKey(released, oldOperation)
        .forEach(
            (key, oldParameter) -> {
              String label = oldParameter.getIn() + " `" + oldParameter.getName() + "`";
              Parameter newParameter = newParameters.get(key);
              if (newParameter == null) {
                changes.add(where + ": " + label + " removed");
                return;
              }
              if (isTrue(oldParameter.getRequired()) && !isTrue(newParameter.getRequired())) {
                changes.add(where + ": " + label + " no longer required");
              }
              if (oldParameter.getSchema() != null) {
                compareSchema(where, label, "", oldParameter.getSchema(), newParameter.getSchema());
              }
            });
  }

  private Map<String, Parameter> parametersByKey(OpenAPI spec, Operation operation) {
    Map<String, Parameter> byKey = new LinkedHashMap<>();
    for (Parameter declared : orEmpty(operation.getParameters())) {
      Parameter parameter =
          resolve(spec, declared.get$ref(), PARAMETERS, declared, c -> c.getParameters());
      String name =
          "header".equals(parameter.getIn())
              ? parameter.getName().toLowerCase(Locale.ROOT)
              : parameter.getName();
      byKey.put(parameter.getIn() + ":" + name, parameter);
    }
    return byKey;
  }

  private void compareBody(String where, RequestBody declaredOld, RequestBody declaredNew) {
    if (declaredOld == null) {
      return;
    }
    if (declaredNew == null) {
      changes.add(where + ": body removed");
      return;
    }
    RequestBody oldBody =
        resolve(
            released,
            declaredOld.get$ref(),
            REQUEST_BODIES,
            declaredOld,
            c -> c.getRequestBodies());
    RequestBody newBody =
        resolve(
            working, declaredNew.get$ref(), REQUEST_BODIES, declaredNew, c -> c.getRequestBodies());
    if (isTrue(oldBody.getRequired()) && !isTrue(newBody.getRequired())) {
      changes.add(where + ": body no longer required");
    }
    Map<String, MediaType> newContent = orEmpty(newBody.getContent());
    orEmpty(oldBody.getContent())
        .forEach(
            (mediaType, oldMedia) -> {
              MediaType newMedia = newContent.get(mediaType);
              if (newMedia == null) {
                changes.add(where + ": body media type `" + mediaType + "` removed");
              } else if (oldMedia.getSchema() != null) {
                compareSchema(where, "body", "", oldMedia.getSchema(), newMedia.getSchema());
              }
            });
  }

  /**
   * Compares one schema and, recursively, its properties and items. {@code label} names what holds
   * the schema ("body", "header `Date`"), {@code path} the property within it.
   */
  private void compareSchema(
      String where, String label, String path, Schema<?> oldSchema, Schema<?> newSchema) {
    String element = path.isEmpty() ? label : label + " property `" + path + "`";
    if (newSchema == null) {
      changes.add(where + ": " + element + " lost its schema");
      return;
    }
    String pair = oldSchema.get$ref() + " -> " + newSchema.get$ref();
    if (oldSchema.get$ref() != null && !comparing.add(pair)) {
      return;
    }
    try {
      Shape before = shape(released, oldSchema);
      Shape after = shape(working, newSchema);

      if (!Objects.equals(before.type(), after.type())
          || !Objects.equals(before.format(), after.format())) {
        changes.add(
            where
                + ": "
                + element
                + " type changed from "
                + before.describeType()
                + " to "
                + after.describeType());
      }
      if (!before.nullable() && after.nullable()) {
        changes.add(where + ": " + element + " may now be null");
      }
      if (!before.enumValues().isEmpty()) {
        if (after.enumValues().isEmpty()) {
          changes.add(
              where
                  + ": "
                  + element
                  + " enum "
                  + before.enumValues()
                  + " dropped, so any value may arrive");
        } else {
          Set<String> gained = new LinkedHashSet<>(after.enumValues());
          gained.removeAll(before.enumValues());
          if (!gained.isEmpty()) {
            changes.add(
                where
                    + ": "
                    + element
                    + " enum gained "
                    + gained
                    + " (was "
                    + before.enumValues()
                    + "): a receiver with a closed enum rejects it");
          }
        }
      }
      before
          .properties()
          .forEach(
              (name, oldProperty) -> {
                String propertyPath = path.isEmpty() ? name : path + "." + name;
                String property = label + " property `" + propertyPath + "`";
                Schema<?> newProperty = after.properties().get(name);
                if (newProperty == null) {
                  changes.add(where + ": " + property + " removed");
                  return;
                }
                if (before.required().contains(name) && !after.required().contains(name)) {
                  changes.add(where + ": " + property + " no longer required");
                }
                compareSchema(where, label, propertyPath, oldProperty, newProperty);
              });
      if (before.items() != null
          && (after.items() != null || Objects.equals(before.type(), after.type()))) {
        compareSchema(where, label, path + "[]", before.items(), after.items());
      }
    } finally {
      comparing.remove(pair);
    }
  }

  /** A schema with its {@code $ref} followed and its {@code allOf} parts merged. */
  private record Shape(
      String type,
      String format,
      boolean nullable,
      Set<String> enumValues,
      Map<String, Schema<?>> properties,
      Set<String> required,
      Schema<?> items) {

    String describeType() {
      String name = type == null ? "untyped" : type;
      return format == null ? name : name + "/" + format;
    }
  }

  private Shape shape(OpenAPI spec, Schema<?> declared) {
    Schema<?> schema = schema(spec, declared);
    if (!orEmpty(schema.getOneOf()).isEmpty() || !orEmpty(schema.getAnyOf()).isEmpty()) {
      throw new UnsupportedOperationException(
          "oneOf/anyOf in a callback or response schema is not compared yet: extend ReceiverSideCompatibility");
    }
    String type = schema.getType();
    String format = schema.getFormat();
    boolean nullable = isTrue(schema.getNullable());
    Set<String> enumValues = new LinkedHashSet<>();
    if (schema.getEnum() != null) {
      schema.getEnum().forEach(value -> enumValues.add(String.valueOf(value)));
    }
    Map<String, Schema<?>> properties = new LinkedHashMap<>();
    orEmpty(schema.getProperties()).forEach((name, property) -> properties.put(name, property));
    Set<String> required = new LinkedHashSet<>(orEmpty(schema.getRequired()));
    Schema<?> items = schema.getItems();

    for (Schema<?> part : orEmpty(schema.getAllOf())) {
      Shape merged = shape(spec, part);
      type = type != null ? type : merged.type();
      format = format != null ? format : merged.format();
      nullable = nullable || merged.nullable();
      if (enumValues.isEmpty()) {
        enumValues.addAll(merged.enumValues());
      }
      merged.properties().forEach(properties::putIfAbsent);
      required.addAll(merged.required());
      items = items != null ? items : merged.items();
    }
    return new Shape(type, format, nullable, enumValues, properties, required, items);
  }

  /** Follows {@code $ref}s into {@code components.schemas}. */
  private static Schema<?> schema(OpenAPI spec, Schema<?> declared) {
    Schema<?> schema = declared;
    for (int hops = 0; schema.get$ref() != null; hops++) {
      if (hops > 20) {
        throw new IllegalArgumentException("$ref loop at " + declared.get$ref());
      }
      schema = resolve(spec, schema.get$ref(), SCHEMAS, schema, c -> c.getSchemas());
    }
    return schema;
  }

  private static Callback callback(OpenAPI spec, Callback declared) {
    return resolve(spec, declared.get$ref(), CALLBACKS, declared, c -> c.getCallbacks());
  }

  /** The component {@code ref} names, or {@code declared} itself when it is not a reference. */
  private static <T> T resolve(
      OpenAPI spec,
      String ref,
      String prefix,
      T declared,
      Function<Components, Map<String, ? extends T>> components) {
    if (ref == null) {
      return declared;
    }
    if (!ref.startsWith(prefix) || spec.getComponents() == null) {
      throw new IllegalArgumentException("unsupported or dangling $ref " + ref);
    }
    T target = orEmpty(components.apply(spec.getComponents())).get(ref.substring(prefix.length()));
    if (target == null) {
      throw new IllegalArgumentException("dangling $ref " + ref);
    }
    return target;
  }

  private static boolean isTrue(Boolean flag) {
    return Boolean.TRUE.equals(flag);
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
