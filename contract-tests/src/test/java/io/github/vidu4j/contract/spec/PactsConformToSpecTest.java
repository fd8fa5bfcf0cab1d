package io.github.vidu4j.contract.spec;

import static io.github.vidu4j.contract.Contract.API;
import static io.github.vidu4j.contract.Contract.CALLBACKS;
import static io.github.vidu4j.contract.Contract.CONSUMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.pact.PactProviderValidationResults;
import com.atlassian.oai.validator.pact.PactProviderValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vidu4j.contract.Contract;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pact files the consumer tests wrote agree with {@code openapi/vidu.yaml}: every HTTP request
 * and response, every callback body and its signature headers. Broken copies prove the checks can
 * fail. Runs in the build's second test run, after the consumers wrote the files.
 */
@Tag("pact-files")
class PactsConformToSpecTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static OpenAPI spec;

  @BeforeAll
  static void readSpec() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    spec = new OpenAPIV3Parser().read(Contract.spec().toUri().toString(), null, options);
    assertThat(spec).as("spec at %s", Contract.spec()).isNotNull();
  }

  /**
   * Requests are held to the spec strictly. Responses may carry fields the spec does not list: the
   * contracts add one on purpose, since Vidu adds fields and the client must keep working.
   */
  private static PactProviderValidationResults validateHttp(Path pactFile) throws IOException {
    OpenApiInteractionValidator validator =
        OpenApiInteractionValidator.createForSpecificationUrl(Contract.spec().toUri().toString())
            .withLevelResolver(
                LevelResolver.create()
                    .withLevel(
                        "validation.response.body.schema.additionalProperties",
                        ValidationReport.Level.IGNORE)
                    .build())
            .build();
    return PactProviderValidator.createFor(validator)
        .withConsumer(CONSUMER, pactFile.toUri().toURL())
        .build()
        .validate();
  }

  private static int interactionCount(PactProviderValidationResults results) {
    return results.getConsumerResults().stream()
        .mapToInt(r -> r.getInteractionResults().size())
        .sum();
  }

  @Test
  void everyHttpInteractionConformsToTheSpec() throws IOException {
    Path pact = Contract.pactFile(API);
    PactProviderValidationResults results = validateHttp(pact);

    assertThat(results.hasErrors()).as(results.getValidationFailureReport()).isFalse();
    assertThat(interactionCount(results))
        .isEqualTo(interactions(pact).size())
        .isGreaterThanOrEqualTo(19);
  }

  /** Every operation of the spec has at least one interaction, so none can drift unseen. */
  @Test
  void everyOperationOfTheSpecHasAContract() throws IOException {
    Set<String> covered = new TreeSet<>();
    for (JsonNode interaction : interactions(Contract.pactFile(API))) {
      JsonNode request = interaction.get("request");
      covered.add(request.get("method").asText() + " " + template(request.get("path").asText()));
    }
    Set<String> operations = new TreeSet<>();
    spec.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .keySet()
                    .forEach(m -> operations.add(m.name() + " " + path)));

    assertThat(covered).containsExactlyInAnyOrderElementsOf(operations);
  }

  private static String template(String path) {
    return path.replaceFirst("^/ent/v2/tasks/[^/]+/(creations|cancel)$", "/ent/v2/tasks/{id}/$1");
  }

  @Test
  void everyCallbackBodyConformsToTheCallbackSchema() throws IOException {
    List<JsonNode> messages = interactions(Contract.pactFile(CALLBACKS));
    assertThat(messages).hasSize(3);
    for (JsonNode message : messages) {
      ValidationReport report = validateCallbackBody(message.at("/contents/content"));
      assertThat(report.hasErrors())
          .as("%s: %s", message.get("description").asText(), report.getMessages())
          .isFalse();
    }
  }

  /** The message metadata carries exactly the headers the spec's callback declares. */
  @Test
  void everyCallbackCarriesTheSignatureHeadersOfTheSpec() throws IOException {
    Set<String> specHeaders =
        callbackOperation().getParameters().stream()
            .filter(p -> "header".equals(p.getIn()))
            .filter(p -> Boolean.TRUE.equals(p.getRequired()))
            .map(Parameter::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(specHeaders).hasSize(6);
    for (JsonNode message : interactions(Contract.pactFile(CALLBACKS))) {
      Set<String> metadata = new TreeSet<>();
      message.at("/contents/metadata").fieldNames().forEachRemaining(metadata::add);
      if (metadata.isEmpty()) {
        message.get("metadata").fieldNames().forEachRemaining(metadata::add);
      }
      metadata.remove("contentType");
      assertThat(metadata)
          .as(message.get("description").asText())
          .containsExactlyInAnyOrderElementsOf(specHeaders);
    }
  }

  // ---- the checks can fail -----------------------------------------------------------------

  @Test
  void aRequestFieldOfTheWrongTypeIsRejected(@TempDir Path dir) throws IOException {
    PactProviderValidationResults results =
        validateHttp(
            brokenCopy(
                dir,
                "create a viduq1 task from a data-URI image with every optional field",
                i -> ((ObjectNode) i.at("/request/body/content")).put("seed", "42")));

    assertThat(results.hasErrors()).isTrue();
    assertThat(results.getValidationFailureReport()).contains("/seed").contains("string");
  }

  @Test
  void anUnlistedStateInAResponseConforms(@TempDir Path dir) throws IOException {
    // TaskState is open in the schema (x-extensible-enum): Vidu's own "scheduled" must pass.
    PactProviderValidationResults results =
        validateHttp(
            brokenCopy(
                dir,
                "get task t-success (success)",
                i -> ((ObjectNode) i.at("/response/body/content")).put("state", "scheduled")));

    assertThat(results.hasErrors()).as(results.getValidationFailureReport()).isFalse();
  }

  @Test
  void aStateOfTheWrongTypeInAResponseIsRejected(@TempDir Path dir) throws IOException {
    PactProviderValidationResults results =
        validateHttp(
            brokenCopy(
                dir,
                "get task t-success (success)",
                i -> ((ObjectNode) i.at("/response/body/content")).put("state", 7)));

    assertThat(results.hasErrors()).isTrue();
    assertThat(results.getValidationFailureReport()).contains("state");
  }

  @Test
  void aMissingRequiredRequestFieldIsRejected(@TempDir Path dir) throws IOException {
    PactProviderValidationResults results =
        validateHttp(
            brokenCopy(
                dir,
                "create a viduq2 text-to-image task",
                i -> ((ObjectNode) i.at("/request/body/content")).remove("prompt")));

    assertThat(results.hasErrors()).isTrue();
    assertThat(results.getValidationFailureReport()).contains("prompt");
  }

  @Test
  void aRequestWithoutTheAuthorizationHeaderIsRejected(@TempDir Path dir) throws IOException {
    PactProviderValidationResults results =
        validateHttp(
            brokenCopy(
                dir,
                "get the remaining credits",
                i -> ((ObjectNode) i.at("/request/headers")).remove("Authorization")));

    assertThat(results.hasErrors()).isTrue();
    assertThat(results.getValidationFailureReport()).contains("security");
  }

  @Test
  void aBrokenCallbackBodyIsRejected() throws IOException {
    JsonNode message =
        interactions(Contract.pactFile(CALLBACKS)).get(0).at("/contents/content").deepCopy();
    ((ObjectNode) message).put("state", "paused");
    ((ObjectNode) message).put("credits", "eight");

    ValidationReport report = validateCallbackBody(message);

    assertThat(report.hasErrors()).isTrue();
    assertThat(
            report.getMessages().stream()
                .map(ValidationReport.Message::getMessage)
                .collect(Collectors.joining("\n")))
        .contains("credits")
        // an unlisted state is not an error: the schema keeps TaskState open
        .doesNotContain("paused");
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static List<JsonNode> interactions(Path pactFile) throws IOException {
    List<JsonNode> list = new ArrayList<>();
    JSON.readTree(pactFile.toFile()).get("interactions").forEach(list::add);
    return list;
  }

  /** A copy of the HTTP pact with the interaction named {@code description} edited. */
  private static Path brokenCopy(Path dir, String description, Consumer<JsonNode> edit)
      throws IOException {
    JsonNode pact = JSON.readTree(Contract.pactFile(API).toFile());
    int edited = 0;
    for (JsonNode interaction : (ArrayNode) pact.get("interactions")) {
      if (interaction.get("description").asText().equals(description)) {
        edit.accept(interaction);
        edited++;
      }
    }
    assertThat(edited).as("interactions named %s", description).isEqualTo(1);
    Path copy = dir.resolve("broken-pact.json");
    Files.writeString(copy, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(pact));
    return copy;
  }

  private static Operation callbackOperation() {
    PathItem create = spec.getPaths().get("/ent/v2/reference2image");
    Map<String, PathItem> callback = create.getPost().getCallbacks().get("taskStateChanged");
    assertThat(callback).as("the taskStateChanged callback").hasSize(1);
    return callback.values().iterator().next().getPost();
  }

  /** As for HTTP responses, fields the spec does not list are allowed: Vidu adds fields. */
  private static ValidationReport validateCallbackBody(JsonNode body) throws IOException {
    Schema<?> schema =
        callbackOperation().getRequestBody().getContent().get("application/json").getSchema();
    ValidationReport report =
        new SchemaValidator(spec, new MessageResolver())
            .validate(JSON.writeValueAsString(body), schema, "callback.body");
    return ValidationReport.from(
        report.getMessages().stream()
            .filter(m -> !m.getKey().endsWith(".schema.additionalProperties"))
            .collect(Collectors.toList()));
  }
}
