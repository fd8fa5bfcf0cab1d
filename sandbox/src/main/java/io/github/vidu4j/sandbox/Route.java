package io.github.vidu4j.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which operation a request is for, and the id in its path: a task id, a creation id with its file
 * extension ({@code 123.mp4}), or for a create the generation operation's name ({@code
 * text2video}).
 */
record Route(Operation operation, String id) {
  private static final Pattern TASK_PATH =
      Pattern.compile("/ent/v2/tasks/([^/]+)/(creations|cancel)");
  private static final Pattern RESULT_PATH =
      Pattern.compile("/results/([0-9A-Za-z-]+\\.(?:png|mp4))");

  static Route of(String method, String rawPath) {
    Matcher task = TASK_PATH.matcher(rawPath);
    Matcher result = RESULT_PATH.matcher(rawPath);
    var generation = SpecRules.atPath(rawPath);
    if (generation.isPresent() && method.equals("POST")) {
      return new Route(Operation.CREATE_TASK, generation.get().name());
    } else if (task.matches() && task.group(2).equals("creations") && method.equals("GET")) {
      return new Route(Operation.GET_TASK, decode(task.group(1)));
    } else if (task.matches() && task.group(2).equals("cancel") && method.equals("POST")) {
      return new Route(Operation.CANCEL_TASK, decode(task.group(1)));
    } else if (rawPath.equals("/ent/v2/tasks") && method.equals("GET")) {
      return new Route(Operation.LIST_TASKS, "");
    } else if (rawPath.equals("/ent/v2/credits") && method.equals("GET")) {
      return new Route(Operation.GET_CREDITS, "");
    } else if (result.matches() && method.equals("GET")) {
      return new Route(Operation.DOWNLOAD_RESULT, result.group(1));
    }
    return new Route(Operation.UNKNOWN, "");
  }

  /**
   * True for the API operations, which need the key; result downloads are presigned and unknown
   * paths get 404.
   */
  boolean needsApiKey() {
    return operation != Operation.DOWNLOAD_RESULT && operation != Operation.UNKNOWN;
  }

  static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
