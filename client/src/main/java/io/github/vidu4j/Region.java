package io.github.vidu4j;

/**
 * Vidu's two API deployments. Keys, credits and task ids are not known to be shared between them.
 * For {@link ViduClient.Builder#region}; the CLI's {@code --region} names them.
 */
public enum Region {
  /** International: {@code https://api.vidu.com}. The default. */
  GLOBAL("https://api.vidu.com/"),
  /** Mainland China: {@code https://api.vidu.cn}. */
  CN("https://api.vidu.cn/");

  private final String baseUrl;

  Region(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The base URL, with a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }
}
