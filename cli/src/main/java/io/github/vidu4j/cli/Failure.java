package io.github.vidu4j.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.vidu4j.batch.BatchInputException;
import io.github.vidu4j.batch.BatchRefusedException;
import io.github.vidu4j.core.InvalidSettingException;
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
    // One JSON document on stdout whatever happens: a wait that failed, timed out or could not
    // save the images has printed the task read last, which is the answer then.
    if (root.json && !root.printedJson()) {
      root.printJson(json(e, code));
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
        || e instanceof BatchInputException
        || e instanceof BatchRefusedException
        || e instanceof ViduCli.UsageException
        || e instanceof InvalidSettingException
        || e instanceof IllegalArgumentException) {
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
    String shown = shown(e);
    return prefix.isEmpty() ? shown : prefix + ": " + shown;
  }

  /**
   * {@link #detail} as stderr shows it, through {@link TerminalText}: a library's message quotes
   * what Vidu or a callback sent (reason, message, trace id, task id, header values), so it is
   * escaped whole, its line breaks included; the CLI's own messages keep their line breaks.
   */
  private static String shown(Exception e) {
    if (e instanceof ViduValidationException invalid) {
      StringBuilder text = new StringBuilder("invalid input, nothing was sent:");
      invalid
          .violations()
          .forEach(v -> text.append("\n  ").append(TerminalText.escape(v.toString())));
      return text.toString();
    }
    String detail = detail(e);
    if (e instanceof ViduException || e.getCause() instanceof ViduException) {
      return TerminalText.escape(detail);
    }
    return java.util.Arrays.stream(detail.split("\n", -1))
        .map(TerminalText::escape)
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  /** How stderr introduces the failure; the JSON has the {@code type} instead. */
  private static String prefix(Exception e) {
    if (e instanceof ViduValidationException || e instanceof BatchInputException) {
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
    if (e instanceof BatchInputException badLines) {
      JsonArray violations = new JsonArray();
      for (BatchInputException.Problem p : badLines.problems()) {
        JsonObject item = new JsonObject();
        item.addProperty("line", p.line());
        item.addProperty("field", p.field());
        item.addProperty("code", p.code());
        item.addProperty("message", p.message());
        violations.add(item);
      }
      JsonObject body = new JsonObject();
      body.add("violations", violations);
      return body.toString();
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
