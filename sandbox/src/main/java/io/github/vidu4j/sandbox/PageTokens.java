package io.github.vidu4j.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The task list's page tokens. Vidu's look like base64url of {@code {"page":1}} (the docs'
 * example); ours are the same.
 */
final class PageTokens {
  private static final Pattern PAGE_TOKEN =
      Pattern.compile("\\{\\s*\"page\"\\s*:\\s*(\\d{1,9})\\s*}");

  private PageTokens() {}

  /** The token of the zero-based {@code page}. */
  static String of(int page) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("{\"page\":" + page + "}").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The zero-based page a token of {@link #of} names.
   *
   * @throws ApiError 400 {@code FieldInvalid} for any other token
   */
  static int pageOf(String pageToken) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
      Matcher matcher = PAGE_TOKEN.matcher(text);
      if (matcher.matches()) {
        return Integer.parseInt(matcher.group(1));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error
    }
    throw new ApiError(400, "FieldInvalid", "invalid field: pager.page_token");
  }
}
