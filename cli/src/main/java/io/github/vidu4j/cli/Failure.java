package io.github.vidu4j.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.vidu4j.callback.CallbackConfigurationException;
import io.github.vidu4j.core.TaskFailedException;
import io.github.vidu4j.core.TaskTimeoutException;
import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.ViduTransportException;
import io.github.vidu4j.validation.ViduValidationException;
import io.github.vidu4j.validation.Violation;
import java.io.PrintWriter;

/**
 * What went wrong, as an exit code, a message on stderr and, with {@code --json}, something a
 * program can parse on stdout: Vidu's own error JSON for an API error, the violations for invalid
 * input, else a small error object {@code {"error":{"type":..., "message":...}}}. A failed or
 * timed-out wait has already printed the task's JSON, which is the answer then.
 */
final class Failure {
  private Failure() {}

  /** Reports {@code e} on {@code root}'s streams and returns the exit code. */
  static int report(ViduCli root, Exception e) {
    int code = exitCode(e);
    root.err.println(message(e));
    if (e instanceof ViduValidationException invalid
        && invalid.violations().stream().anyMatch(v -> v.code() == Violation.Code.MODEL_UNKNOWN)) {
      root.err.println(
          "hint: --allow-unknown-model sends a model this release does not know, skipping the model rules");
    }
    if (root.json && code != ExitCode.TASK_FAILED && code != ExitCode.WAIT_TIMED_OUT) {
      root.out.println(json(e, code));
    }
    if (code == ExitCode.OTHER) {
      if (root.verbose) {
        e.printStackTrace(root.err);
      } else {
        root.err.println("(--verbose adds the stack trace)");
      }
    }
    return code;
  }

  static int exitCode(Exception e) {
    if (e instanceof ViduValidationException
        || e instanceof ViduCli.UsageException
        || e instanceof IllegalArgumentException
        || e instanceof CallbackConfigurationException) {
      return ExitCode.INVALID_INPUT;
    }
    if (e instanceof ViduApiException) {
      return ExitCode.API_ERROR;
    }
    if (e instanceof TaskFailedException) {
      return ExitCode.TASK_FAILED;
    }
    if (e instanceof ViduCli.WaitTimedOutException || e instanceof TaskTimeoutException) {
      return ExitCode.WAIT_TIMED_OUT;
    }
    if (e instanceof ViduCli.CallbackRejectedException) {
      return ExitCode.CALLBACK_REJECTED;
    }
    if (e instanceof ViduTransportException) {
      return ExitCode.NETWORK;
    }
    return ExitCode.OTHER;
  }

  private static String message(Exception e) {
    String prefix = prefix(e);
    return prefix.isEmpty() ? detail(e) : prefix + ": " + detail(e);
  }

  /** How stderr introduces the failure; the JSON has the {@code type} instead. */
  private static String prefix(Exception e) {
    if (e instanceof ViduValidationException) {
      return "";
    }
    if (e instanceof ViduCli.CallbackRejectedException) {
      return "callback rejected";
    }
    return e instanceof ViduTransportException ? "network error" : "error";
  }

  private static String detail(Exception e) {
    if (e instanceof ViduValidationException invalid) {
      StringBuilder text = new StringBuilder("invalid input, nothing was sent:");
      // Each violation as the CLI words it; the exception's own message adds hints for Java
      // callers.
      invalid.violations().forEach(v -> text.append("\n  ").append(v));
      return text.toString();
    }
    if (e instanceof TaskTimeoutException timeout) {
      return "task "
          + timeout.taskId()
          + " did not finish within "
          + CliFormat.duration(timeout.waited())
          + "; it goes on running. Resume with: vidu task wait "
          + timeout.taskId();
    }
    return e instanceof ViduException || e.getMessage() != null
        ? String.valueOf(e.getMessage())
        : e.toString();
  }

  /** The JSON for stdout; see the class comment. */
  static String json(Exception e, int code) {
    if (e instanceof ViduApiException api && api.errorJson().isPresent()) {
      return api.errorJson().get();
    }
    if (e instanceof ViduValidationException invalid) {
      JsonArray violations = new JsonArray();
      for (Violation v : invalid.violations()) {
        JsonObject item = new JsonObject();
        item.addProperty("field", v.field());
        item.addProperty("value", v.value());
        item.addProperty("rule", v.rule());
        item.addProperty("code", v.code().name());
        violations.add(item);
      }
      JsonObject body = new JsonObject();
      body.add("violations", violations);
      return body.toString();
    }
    JsonObject error = new JsonObject();
    error.addProperty("type", type(code));
    error.addProperty("exit_code", code);
    if (e instanceof ViduApiException api) {
      error.addProperty("status", api.statusCode());
    }
    error.addProperty("message", detail(e));
    JsonObject body = new JsonObject();
    body.add("error", error);
    return body.toString();
  }

  private static String type(int code) {
    return switch (code) {
      case ExitCode.INVALID_INPUT -> "invalid_input";
      case ExitCode.API_ERROR -> "api_error";
      case ExitCode.CALLBACK_REJECTED -> "callback_rejected";
      case ExitCode.NETWORK -> "network";
      default -> "other";
    };
  }

  /**
   * Prints a parse error's JSON for --json runs (the parser stops before the options are bound).
   */
  static void printUsageJson(PrintWriter out, String message) {
    JsonObject error = new JsonObject();
    error.addProperty("type", "invalid_input");
    error.addProperty("exit_code", ExitCode.INVALID_INPUT);
    error.addProperty("message", message);
    JsonObject body = new JsonObject();
    body.add("error", error);
    out.println(body);
  }
}
