package io.github.vidu4j.cli;

import io.github.vidu4j.callback.VerifiedCallback;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code vidu callback ...}: check, make and receive Vidu's signed callbacks. */
@Command(
    name = "callback",
    description =
        "Verify, sign and receive Vidu's signed callbacks (HMAC-SHA256; the secret is the API key that created the task).",
    mixinStandardHelpOptions = true,
    subcommands = {CallbackVerify.class, CallbackSign.class, CallbackListen.class})
final class CallbackCommand {
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US);

  @ParentCommand ViduCli root;

  static String describe(VerifiedCallback callback) {
    String errCode = callback.task().getErrCode();
    return "task "
        + callback.taskId().map(TerminalText::escape).orElse("(no id)")
        + " "
        + TerminalText.escape(
            io.github.vidu4j.core.RawJson.field(callback.task(), "state")
                .orElse(callback.state().map(s -> s.getValue()).orElse("(no state)")))
        + (errCode == null || errCode.isEmpty()
            ? ""
            : " (err_code " + TerminalText.escape(errCode) + ")")
        + ", nonce "
        + TerminalText.escape(callback.nonce())
        + ", signed "
        + HTTP_DATE.format(callback.date().atZone(ZoneOffset.UTC));
  }

  /** --url as the callback_url Vidu signs: an absolute http(s) URL. */
  static URI requireCallbackUrl(String url) {
    String problem;
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      // The authority, not getHost(): a host with "_" (my_bucket.example.com) has no getHost() but
      // is valid.
      if ((scheme.equals("http") || scheme.equals("https"))
          && uri.getRawAuthority() != null
          && !uri.getRawAuthority().isEmpty()) {
        return uri;
      }
      problem = "it is not an absolute http(s) URL";
    } catch (URISyntaxException e) {
      problem = e.getReason().toLowerCase(Locale.ROOT) + " at index " + e.getIndex();
    }
    throw new ViduCli.UsageException(
        "--url must be the callback_url as registered with the task, for example"
            + " https://hooks.example.com/vidu; '"
            + url
            + "': "
            + problem);
  }

  /** --body-file's bytes, or a message naming the file (not the JDK's bare path). */
  static byte[] readBody(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ViduCli.UsageException("--body-file " + file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new ViduCli.UsageException(
          "--body-file " + file + ": not readable (permission denied)");
    } catch (IOException e) {
      throw new ViduCli.UsageException(
          "--body-file " + file + ": cannot be read: " + e.getMessage());
    }
  }

  static Instant parseDate(String text, String option) {
    try {
      return ZonedDateTime.parse(text, HTTP_DATE).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException again) {
        throw new ViduCli.UsageException(
            option
                + " must be an RFC 1123 date (\"Tue, 06 May 2025 12:09:42 GMT\") or an ISO-8601 instant, got "
                + text);
      }
    }
  }
}
