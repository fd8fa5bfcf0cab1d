package io.github.vidu4j.core;

/**
 * A download (a result URL, or a redirect's target) reached a loopback, private, link-local or
 * otherwise internal address, while the API is on a public one: a server that can choose result
 * URLs could otherwise make this process fetch, and save, what only its own network serves (a cloud
 * metadata endpoint, an admin page). Checked on the address each connection actually reached, so a
 * host name resolving there later (DNS rebinding) is caught too. No request was sent to it and
 * nothing was saved. Not retried. Allow it with {@code
 * ViduClient.Builder#allowPrivateDownloadAddresses} when result files really live on such a
 * network. Callers of {@code Downloads} catch it to tell a refused address from a network failure.
 */
public final class PrivateAddressException extends ViduException {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final String address;

  /** Creates the exception; vidu4j builds these, users need this only in tests. */
  public PrivateAddressException(String message, String host, String address) {
    super(message);
    this.host = host;
    this.address = address;
  }

  /** The URL's host, as written in the URL. */
  public String host() {
    return host;
  }

  /** The IP address the connection reached, for example {@code 169.254.169.254}. */
  public String address() {
    return address;
  }
}
