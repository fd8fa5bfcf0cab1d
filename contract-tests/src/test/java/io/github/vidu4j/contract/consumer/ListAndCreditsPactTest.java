package io.github.vidu4j.contract.consumer;

import static io.github.vidu4j.contract.Contract.API;
import static io.github.vidu4j.contract.Contract.CONSUMER;
import static io.github.vidu4j.contract.Contract.DATE_TIME;
import static io.github.vidu4j.contract.Contract.EXAMPLE_DATE_TIME;
import static io.github.vidu4j.contract.Contract.NEW_FIELD;
import static io.github.vidu4j.contract.Contract.NEW_FIELD_VALUE;
import static io.github.vidu4j.contract.Contract.clientFor;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.vidu4j.TaskQuery;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.RawJson;
import io.github.vidu4j.model.CreditBalance;
import io.github.vidu4j.model.Credits;
import io.github.vidu4j.model.TaskList;
import io.github.vidu4j.model.TaskState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /ent/v2/tasks} across two pages, and {@code GET /ent/v2/credits} with and without
 * detail.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = API, pactVersion = PactSpecVersion.V4)
class ListAndCreditsPactTest {
  /** base64url of {@code {"page":1}}, the token in Vidu's docs. */
  static final String SECOND_PAGE = "eyJwYWdlIjoxfQ";

  private static void taskSummaries(LambdaDslObject o, int min) {
    o.minArrayLike(
        "tasks",
        min,
        t -> {
          t.stringType("id", "860245771473956864");
          t.stringType("model", "viduq2");
          t.stringType("prompt", "a lighthouse at dawn");
          t.stringMatcher("state", "success", "success");
          t.stringType("resolution", "1080p");
          t.stringType("aspect_ratio", "16:9");
          t.integerType("credits", 8);
          t.stringMatcher("created_at", DATE_TIME, EXAMPLE_DATE_TIME);
          t.minArrayLike("creations", 1, Bodies::creation);
          t.stringType(NEW_FIELD, NEW_FIELD_VALUE);
        });
    o.stringType(NEW_FIELD, NEW_FIELD_VALUE);
  }

  /** {@code GET /ent/v2/tasks}, tasks that succeeded, 2 a page, authorised. */
  private static PactDslRequestWithPath listSucceeded(
      PactDslWithProvider builder, String description) {
    return Requests.authorised(
        builder
            .given("the organisation has 3 tasks that succeeded")
            .uponReceiving(description)
            .method("GET")
            .path("/ent/v2/tasks")
            .matchQuery("states", "success", "success")
            .matchQuery("pager.pagesz", "\\d+", "2"));
  }

  @Pact(consumer = CONSUMER)
  V4Pact firstPage(PactDslWithProvider builder) {
    return Answers.ok(
        listSucceeded(builder, "list the first page of tasks that succeeded, 2 per page"),
        o -> {
          taskSummaries(o, 2);
          o.stringMatcher("next_page_token", "[A-Za-z0-9_=-]+", SECOND_PAGE);
        });
  }

  @Test
  @PactTestFor(pactMethod = "firstPage")
  void firstPage(MockServer server) {
    try (ViduClient client = clientFor(server)) {
      TaskList page =
          client.tasks().list(TaskQuery.all().states(List.of(TaskState.SUCCESS)).pageSize(2));

      assertThat(page.getTasks())
          .hasSize(2)
          .allSatisfy(t -> assertThat(t.getState()).isEqualTo(TaskState.SUCCESS));
      assertThat(page.getNextPageToken()).isNotEmpty();
      assertThat(RawJson.unknownFields(page)).containsKey(NEW_FIELD);
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact lastPage(PactDslWithProvider builder) {
    return Answers.ok(
        listSucceeded(builder, "list the last page of tasks that succeeded with a page token")
            .matchQuery("pager.page_token", "[A-Za-z0-9_=-]+", SECOND_PAGE),
        o -> {
          taskSummaries(o, 1);
          o.stringMatcher("next_page_token", "", "");
        });
  }

  /** An empty next_page_token ends the walk. */
  @Test
  @PactTestFor(pactMethod = "lastPage")
  void lastPage(MockServer server) {
    try (ViduClient client = clientFor(server)) {
      TaskQuery query =
          TaskQuery.all().states(List.of(TaskState.SUCCESS)).pageSize(2).pageToken(SECOND_PAGE);

      assertThat(client.tasks().list(query).getNextPageToken()).isEmpty();
      assertThat(client.tasks().listAll(query)).hasSize(1);
    }
  }

  private static void balance(LambdaDslObject o) {
    o.minArrayLike(
        "remains",
        1,
        r -> {
          r.stringType("type", "metered");
          r.integerType("credit_remain", 1180);
          r.integerType("concurrency_limit", 5);
          r.integerType("current_concurrency", 1);
          r.integerType("queue_count", 0);
          r.stringType(NEW_FIELD, NEW_FIELD_VALUE);
        });
    o.stringType(NEW_FIELD, NEW_FIELD_VALUE);
  }

  @Pact(consumer = CONSUMER)
  V4Pact credits(PactDslWithProvider builder) {
    return Answers.ok(
        Requests.getCredits(builder, "get the remaining credits", false),
        ListAndCreditsPactTest::balance);
  }

  @Test
  @PactTestFor(pactMethod = "credits")
  void credits(MockServer server) {
    try (ViduClient client = clientFor(server)) {
      Credits credits = client.credits();

      CreditBalance balance = credits.getRemains().get(0);
      assertThat(balance.getCreditRemain()).isEqualTo(1180L);
      assertThat(balance.getConcurrencyLimit()).isEqualTo(5);
      assertThat(RawJson.unknownFields(balance)).containsKey(NEW_FIELD);
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact creditsWithDetail(PactDslWithProvider builder) {
    return Answers.ok(
        Requests.getCredits(builder, "get the remaining credits with the packages", true),
        o -> {
          balance(o);
          o.minArrayLike(
              "packages",
              1,
              p -> {
                p.stringType("id", "pkg-1");
                p.stringType("name", "Starter");
                p.stringType("type", "metered");
                p.integerType("concurrency", 5);
                p.integerType("credit_amount", 2000);
                p.integerType("credit_remain", 1180);
                p.stringMatcher("valid_from", DATE_TIME, "2025-07-01T00:00:00Z");
                p.stringMatcher("valid_to", DATE_TIME, "2026-07-01T00:00:00Z");
                p.stringType(NEW_FIELD, NEW_FIELD_VALUE);
              });
        });
  }

  @Test
  @PactTestFor(pactMethod = "creditsWithDetail")
  void creditsWithDetail(MockServer server) {
    try (ViduClient client = clientFor(server)) {
      Credits credits = client.credits(true);

      assertThat(credits.getPackages()).isNotEmpty();
      assertThat(credits.getPackages().get(0).getCreditAmount()).isEqualTo(2000L);
      assertThat(credits.getPackages().get(0).getValidTo()).isNotNull();
    }
  }
}
