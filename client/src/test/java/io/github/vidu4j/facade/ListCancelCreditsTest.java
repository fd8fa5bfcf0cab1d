package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.TaskQuery;
import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.core.ViduTransportException;
import io.github.vidu4j.model.Credits;
import io.github.vidu4j.model.TaskList;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.model.TaskSummary;
import io.github.vidu4j.testing.Responses;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

class ListCancelCreditsTest extends ClientHarness {
  @Test
  void listSendsFiltersAndPagingAsVidusQueryParameters() throws Exception {
    server.enqueue(Responses.json(200, "{\"next_page_token\":\"p2\",\"tasks\":[]}"));

    client
        .tasks()
        .list(
            TaskQuery.all()
                .createdFrom(OffsetDateTime.parse("2026-11-20T00:00:00Z"))
                .states(List.of(TaskState.SUCCESS, TaskState.FAILED))
                .pageSize(50)
                .pageToken("p1"));

    RecordedRequest request = take();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/ent/v2/tasks");
    assertThat(request.getUrl().queryParameter("created_at.from")).isEqualTo("2026-11-20T00:00Z");
    assertThat(request.getUrl().queryParameterValues("states"))
        .containsExactly("success", "failed");
    assertThat(request.getUrl().queryParameter("pager.pagesz")).isEqualTo("50");
    assertThat(request.getUrl().queryParameter("pager.page_token")).isEqualTo("p1");
  }

  @Test
  void listSendsThePageNumberAndTemplates() throws Exception {
    server.enqueue(Responses.json(200, "{\"tasks\":[]}"));

    client.tasks().list(TaskQuery.all().templates(List.of("tpl-a", "tpl-b")).page(2).pageSize(20));

    RecordedRequest request = take();
    assertThat(request.getUrl().queryParameterValues("templates"))
        .containsExactly("tpl-a", "tpl-b");
    assertThat(request.getUrl().queryParameter("pager.page")).isEqualTo("2");
    assertThat(request.getUrl().queryParameter("pager.pagesz")).isEqualTo("20");
    assertThat(request.getUrl().queryParameter("pager.page_token")).isNull();
  }

  @Test
  void pageNumberAndPageTokenAreAlternatives() throws Exception {
    server.enqueue(Responses.json(200, "{\"tasks\":[]}"));
    server.enqueue(Responses.json(200, "{\"tasks\":[]}"));

    client.tasks().list(TaskQuery.all().page(3).pageToken("p1"));
    client.tasks().list(TaskQuery.all().pageToken("p1").page(0));

    RecordedRequest byToken = take();
    assertThat(byToken.getUrl().queryParameter("pager.page")).isNull();
    assertThat(byToken.getUrl().queryParameter("pager.page_token")).isEqualTo("p1");
    RecordedRequest byNumber = take();
    assertThat(byNumber.getUrl().queryParameter("pager.page")).isEqualTo("0");
    assertThat(byNumber.getUrl().queryParameter("pager.page_token")).isNull();
    assertThatThrownBy(() -> TaskQuery.all().page(-1))
        .hasMessage("page is zero-based, so 0 or more, got -1");
  }

  @Test
  void listAllFollowsPageTokensLazily() throws Exception {
    server.enqueue(
        Responses.json(
            200,
            "{\"next_page_token\":\"p2\",\"tasks\":[{\"id\":\"a\",\"state\":\"success\"},{\"id\":\"b\",\"state\":\"failed\"}]}"));
    server.enqueue(
        Responses.json(
            200, "{\"next_page_token\":\"\",\"tasks\":[{\"id\":\"c\",\"state\":\"queueing\"}]}"));

    List<String> ids =
        client.tasks().listAll(TaskQuery.all().pageSize(2)).map(TaskSummary::getId).toList();

    assertThat(ids).containsExactly("a", "b", "c");
    assertThat(take().getUrl().queryParameter("pager.page_token")).isNull();
    assertThat(take().getUrl().queryParameter("pager.page_token")).isEqualTo("p2");
  }

  @Test
  void anAsyncListReturnsOnePage() throws Exception {
    server.enqueue(
        Responses.json(
            200, "{\"next_page_token\":\"p2\",\"tasks\":[{\"id\":\"a\",\"state\":\"success\"}]}"));

    TaskList page = client.async().list(TaskQuery.all().pageSize(1)).get(5, TimeUnit.SECONDS);

    assertThat(page.getTasks()).extracting(TaskSummary::getId).containsExactly("a");
    assertThat(page.getNextPageToken()).isEqualTo("p2");
    assertThat(take().getUrl().queryParameter("pager.pagesz")).isEqualTo("1");
  }

  @Test
  void listAllStopsOnARepeatedToken() {
    server.enqueue(
        Responses.json(
            200,
            "{\"next_page_token\":\"same\",\"tasks\":[{\"id\":\"a\",\"state\":\"success\"}]}"));
    server.enqueue(
        Responses.json(
            200,
            "{\"next_page_token\":\"same\",\"tasks\":[{\"id\":\"b\",\"state\":\"success\"}]}"));
    assertThatThrownBy(() -> client.tasks().listAll(TaskQuery.all()).toList())
        .hasMessageContaining("twice");
  }

  @Test
  void pageSizeIsBounded() {
    assertThatThrownBy(() -> TaskQuery.all().pageSize(101))
        .hasMessage("pageSize must be 1 to 100, got 101");
  }

  @Test
  void cancelPostsTheIdAndMapsTheRefusal() throws Exception {
    server.enqueue(Responses.json(200, "{}"));
    client.tasks().cancel("t-1");
    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/ent/v2/tasks/t-1/cancel");
    assertThat(request.getBody().utf8()).isEqualTo("{\"id\":\"t-1\"}");

    server.enqueue(Responses.error(400, "BadRequest", "task state is scheduled, can not cancel"));
    assertThatThrownBy(() -> client.tasks().cancel("t-2"))
        .isInstanceOfSatisfying(
            ViduApiException.class, e -> assertThat(e.reason()).contains("BadRequest"));
  }

  /** The spec says {@code {}}; a 204 or an empty 200 means the same, not a broken answer. */
  @Test
  void cancelAnsweredWithoutABodySucceeds() {
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(new MockResponse.Builder().code(200).build());
    client.tasks().cancel("t-1");
    client.tasks().cancel("t-2");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void cancelIsNotRetriedAfter5xxAndSaysToCheckTheTask() {
    server.enqueue(Responses.error(500, "InternalServiceFailure", "x"));
    server.enqueue(Responses.json(200, "{}"));
    assertThatThrownBy(() -> client.tasks().cancel("t-1"))
        .isInstanceOf(ViduApiException.class)
        .hasMessageContaining("the cancel may have taken effect")
        .hasMessageContaining("client.tasks().get(")
        .hasMessageNotContaining("task may exist");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void cancelIsNotRetriedWhenTheConnectionDropsAfterTheRequestWasRead() {
    server.enqueue(
        new MockResponse.Builder(Responses.json(200, "{}"))
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.enqueue(Responses.json(200, "{}"));
    assertThatThrownBy(() -> client.tasks().cancel("t-1"))
        .isInstanceOfSatisfying(
            ViduTransportException.class, e -> assertThat(e.mayHaveReachedVidu()).isTrue())
        .hasMessageContaining("the cancel may have taken effect")
        .hasMessageNotContaining("task may exist");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void creditsReadsBothSpellingsOfTheBalanceList() throws Exception {
    server.enqueue(
        Responses.json(
            200, "{\"remains\":[{\"type\":\"metered\",\"credit_remain\":120}],\"packages\":[]}"));

    Credits credits = client.credits(true);

    assertThat(credits.getRemains())
        .singleElement()
        .satisfies(r -> assertThat(r.getCreditRemain()).isEqualTo(120));
    RecordedRequest request = take();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/ent/v2/credits");
    assertThat(request.getUrl().queryParameter("show_detail")).isEqualTo("true");
  }
}
