package io.github.vidu4j.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.ViduSandbox;
import io.github.vidu4j.validation.GenerationOperation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each line's result names the operation it was created by: in the report, its JSON and what the
 * listener sees, from the first event on.
 */
@Timeout(120)
class LineOperationReportTest {
  @TempDir Path dir;

  @Test
  void everyResultAndTheJsonReportNameTheLinesOperation() {
    JsonObject video = new JsonObject();
    video.addProperty("model", "viduq2");
    video.addProperty("prompt", "a red fox runs");
    video.addProperty("duration", 1);
    video.addProperty("resolution", "540p");
    JsonObject image = new JsonObject();
    image.addProperty("model", "viduq2");
    image.addProperty("prompt", "a red fox in the snow");
    image.addProperty("aspect_ratio", "1:1");
    List<BatchLine> lines =
        List.of(
            BatchLine.of(
                1, "fox", GenerationOperation.named("reference2image").orElseThrow(), image),
            BatchLine.of(
                2, "fox-run", GenerationOperation.named("text2video").orElseThrow(), video));
    Map<Integer, String> seen = new ConcurrentHashMap<>();
    BatchOptions options =
        BatchOptions.defaults()
            .withAwaitOptions(
                AwaitOptions.defaults()
                    .withIntervals(Duration.ofMillis(50), Duration.ofMillis(200)))
            .withListener((line, totals) -> seen.putIfAbsent(line.line(), line.operation()));

    BatchReport report;
    try (ViduSandbox sandbox = ViduSandbox.start(SandboxOptions.fast());
        ViduClient client = sandbox.clientBuilder().build()) {
      Path out = dir.resolve("out");
      report =
          Batches.of(client).run(lines, out.resolve(Batches.DEFAULT_JOURNAL_NAME), out, options);
    }

    assertThat(report.allSucceeded()).as("%s", report.lines()).isTrue();
    assertThat(report.lines())
        .extracting(LineResult::operation)
        .containsExactly("reference2image", "text2video");
    assertThat(seen).containsOnly(Map.entry(1, "reference2image"), Map.entry(2, "text2video"));
    assertThat(report.lines().get(1).toString()).startsWith("line 2 (fox-run) text2video: ");
    JsonObject json = JsonParser.parseString(report.toJson()).getAsJsonObject();
    assertThat(
            StreamSupport.stream(json.getAsJsonArray("lines").spliterator(), false)
                .map(JsonElement::getAsJsonObject)
                .map(l -> l.get("line").getAsInt() + " " + l.get("operation").getAsString()))
        .containsExactly("1 reference2image", "2 text2video");
  }
}
