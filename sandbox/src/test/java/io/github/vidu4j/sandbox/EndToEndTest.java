package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.TaskQuery;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.TaskFailedException;
import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.model.Credits;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskList;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.model.TaskSummary;
import io.github.vidu4j.validation.ImageInput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real ViduClient drives the sandbox through the whole lifecycle. */
class EndToEndTest {
  @RegisterExtension static final ViduSandboxExtension vidu = ViduSandboxExtension.create();

  @TempDir Path out;

  static final AwaitOptions FAST =
      AwaitOptions.defaults()
          .withIntervals(Duration.ofMillis(40), Duration.ofMillis(200))
          .withTimeout(Duration.ofSeconds(30));

  static ReferenceToImageRequest textToImage(String prompt) {
    return new ReferenceToImageRequest().model("viduq2").prompt(prompt);
  }

  @ParameterizedTest
  @CsvSource({
    "16:9, 1080p, 1920, 1080",
    "1:1, 2K, 1440, 1440",
    "9:16, 1080p, 1080, 1920",
    "21:9, 1080p, 2520, 1080",
    "3:4, 2K, 1440, 1920"
  })
  void createAwaitDownloadGivesAPngOfTheRequestedShape(
      String aspectRatio, String resolution, int width, int height, ViduClient client)
      throws Exception {
    TaskCreations done =
        client
            .images()
            .createAndAwait(
                textToImage("a red fox in the snow")
                    .aspectRatio(aspectRatio)
                    .resolution(resolution),
                FAST);

    assertThat(done.getState()).isEqualTo(TaskState.SUCCESS);
    assertThat(done.getCreations()).hasSize(1);
    BufferedImage image = ImageIO.read(firstFile(client, done, out).toFile());
    assertThat(image.getWidth()).isEqualTo(width);
    assertThat(image.getHeight()).isEqualTo(height);
  }

  @Test
  void fourKIsRendered(ViduClient client) throws Exception {
    TaskCreations done =
        client
            .images()
            .createAndAwait(
                textToImage("a city at night").aspectRatio("16:9").resolution("4K"), FAST);
    BufferedImage image = ImageIO.read(firstFile(client, done, out).toFile());
    assertThat(image.getWidth()).isEqualTo(3840);
    assertThat(image.getHeight()).isEqualTo(2160);
  }

  @Test
  void autoFollowsTheFirstImage(ViduClient client) throws Exception {
    String portrait = ImageInput.fromBytes(png(200, 400), "portrait.png").value();
    TaskCreations done =
        client
            .images()
            .createAndAwait(
                textToImage("the same, as a painting")
                    .aspectRatio("auto")
                    .images(List.of(portrait)),
                FAST);
    BufferedImage image = ImageIO.read(firstFile(client, done, out).toFile());
    assertThat(image.getWidth()).isEqualTo(1080);
    assertThat(image.getHeight()).isEqualTo(2160);
  }

  @Test
  void sameSeedAndPromptGiveTheSameImageAnotherSeedAnother(ViduClient client) throws Exception {
    byte[] first =
        Files.readAllBytes(
            firstFile(
                client,
                client.images().createAndAwait(textToImage("a blue whale").seed(7), FAST),
                out.resolve("a")));
    byte[] again =
        Files.readAllBytes(
            firstFile(
                client,
                client.images().createAndAwait(textToImage("a blue whale").seed(7), FAST),
                out.resolve("b")));
    byte[] other =
        Files.readAllBytes(
            firstFile(
                client,
                client.images().createAndAwait(textToImage("a blue whale").seed(8), FAST),
                out.resolve("c")));
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void aFailedTaskEndsInTaskFailedExceptionAndIsRefunded(ViduClient client) {
    long before = remaining(client.credits());
    vidu.sandbox().faults().failNextTask("CreationPolicyViolation");

    assertThatThrownBy(
            () ->
                client
                    .images()
                    .createAndAwait(textToImage("something the moderator dislikes"), FAST))
        .isInstanceOfSatisfying(
            TaskFailedException.class,
            e -> assertThat(e.errCode()).contains("CreationPolicyViolation"));
    assertThat(remaining(client.credits())).isEqualTo(before);
  }

  @Test
  void cancelEndsTheTaskUserCancelledAndASecondCancelIsRefused() {
    // A task that never finishes by itself: the cancel cannot lose a race against the lifecycle.
    SandboxOptions endless =
        SandboxOptions.fast().toBuilder().processingTime(Duration.ofHours(1)).build();
    try (ViduSandbox sandbox = ViduSandbox.start(endless);
        ViduClient client = sandbox.newClient()) {
      long before = remaining(client.credits());
      ReferenceToImageTask task = client.images().create(textToImage("never mind"));
      assertThat(remaining(client.credits())).isEqualTo(before - 8);

      client.tasks().cancel(task.getTaskId());

      TaskCreations cancelled = client.tasks().get(task.getTaskId());
      assertThat(cancelled.getState()).isEqualTo(TaskState.FAILED);
      assertThat(cancelled.getErrCode()).isEqualTo("UserCancelled");
      assertThat(remaining(client.credits())).isEqualTo(before);
      assertThatThrownBy(() -> client.tasks().cancel(task.getTaskId()))
          .isInstanceOfSatisfying(
              ViduApiException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.reason()).contains("BadRequest");
                assertThat(e.getMessage()).contains("can not cancel");
              });
    }
  }

  @Test
  void listPagesNewestFirstAndFilters(ViduClient client) {
    String a = client.images().createAndAwait(textToImage("list a"), FAST).getId();
    String b = client.images().createAndAwait(textToImage("list b"), FAST).getId();
    String c = client.images().createAndAwait(textToImage("list c"), FAST).getId();
    TaskQuery mine = TaskQuery.all().taskIds(List.of(a, b, c)).pageSize(2);

    TaskList first = client.tasks().list(mine);
    assertThat(first.getTasks()).extracting(TaskSummary::getId).containsExactly(c, b);
    assertThat(first.getNextPageToken()).isNotEmpty();
    TaskList second = client.tasks().list(mine.pageToken(first.getNextPageToken()));
    assertThat(second.getTasks()).extracting(TaskSummary::getId).containsExactly(a);
    assertThat(second.getNextPageToken()).isEmpty();
    assertThat(client.tasks().listAll(mine).map(TaskSummary::getId)).containsExactly(c, b, a);
    assertThat(client.tasks().list(mine.states(List.of(TaskState.FAILED))).getTasks()).isEmpty();
    assertThat(first.getTasks())
        .allSatisfy(
            t -> {
              assertThat(t.getKeyId()).startsWith("key-").doesNotContain(vidu.sandbox().demoKey());
              assertThat(t.getCreations()).hasSize(1);
            });
  }

  @Test
  void creditsShowTheBalanceAndPackages(ViduClient client) {
    Credits detail = client.credits(true);
    assertThat(detail.getRemains())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getConcurrencyLimit()).isEqualTo(5);
              assertThat(r.getCreditRemain()).isPositive();
            });
    assertThat(detail.getPackages())
        .singleElement()
        .satisfies(p -> assertThat(p.getCreditAmount()).isEqualTo(10_000L));
    assertThat(client.credits().getPackages()).isNullOrEmpty();
  }

  @Test
  void wrongKeyIsUnauthorizedAndUnknownTaskNotFound() {
    try (ViduClient stranger = vidu.sandbox().clientBuilder().apiKey("not-a-sandbox-key").build();
        ViduClient client = vidu.newClient()) {
      assertThatThrownBy(stranger::credits)
          .isInstanceOfSatisfying(
              ViduApiException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(401);
                assertThat(e.reason()).contains("Unauthorized");
                assertThat(e.traceId()).get().asString().hasSize(32);
              });
      assertThatThrownBy(() -> client.tasks().get("404404"))
          .isInstanceOfSatisfying(
              ViduApiException.class, e -> assertThat(e.reason()).contains("TaskNotFound"));
    }
  }

  @Test
  void everyRequestIsRecordedWithItsAnswer(ViduClient client) {
    client.credits();
    RecordedExchange credits = vidu.sandbox().received(Operation.GET_CREDITS).get(0);
    assertThat(credits.requestHeader("Authorization"))
        .contains("Token " + vidu.sandbox().demoKey());
    assertThat(credits.requestHeader("User-Agent")).get().asString().startsWith("vidu4j/");
    assertThat(credits.status()).isEqualTo(200);
    assertThat(credits.toString()).doesNotContain(vidu.sandbox().demoKey());
  }

  static long remaining(Credits credits) {
    return credits.getRemains().get(0).getCreditRemain();
  }

  static byte[] png(int width, int height) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", bytes);
    assertThat(ImageIO.read(new ByteArrayInputStream(bytes.toByteArray())).getWidth())
        .isEqualTo(width);
    return bytes.toByteArray();
  }

  /** The task's first result file, saved as {@code 1.png} in {@code directory}. */
  private static Path firstFile(ViduClient client, TaskCreations done, Path directory)
      throws java.io.IOException {
    Files.createDirectories(directory);
    return client
        .downloads()
        .toFile(done.getCreations().get(0).getUrl(), directory.resolve("1.png"));
  }
}
