package io.github.vidu4j.internal;

import io.github.vidu4j.core.PrivateAddressException;
import io.github.vidu4j.core.SafeUrl;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.function.Predicate;
import okhttp3.Connection;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.Route;
import org.jspecify.annotations.Nullable;

/**
 * A network interceptor for downloads that refuses every hop (the first request and each redirect,
 * whoever follows it) whose connection reached an internal address ({@link #isInternal}), before
 * the request is written. It checks the address connected to, not the name, so DNS rebinding and
 * numeric hosts are covered alike. Behind a proxy only the URL's host can be checked (the proxy
 * resolves it): a numeric internal host or {@code localhost} is refused, a name is let through.
 */
final class PrivateAddressGuard implements Interceptor {
  private final Predicate<InetSocketAddress> refused;

  private PrivateAddressGuard(Predicate<InetSocketAddress> refused) {
    this.refused = refused;
  }

  /** The guard every client's downloads use unless the API is internal itself or it was allowed. */
  public static PrivateAddressGuard internalAddresses() {
    return new PrivateAddressGuard(reached -> isInternal(reached.getAddress()));
  }

  /**
   * A guard refusing the addresses (and ports) {@code refused} names, for tests, whose servers are
   * all on loopback.
   */
  public static PrivateAddressGuard refusing(Predicate<InetSocketAddress> refused) {
    return new PrivateAddressGuard(refused);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    HttpUrl url = chain.request().url();
    Connection connection = chain.connection();
    if (connection != null) {
      Route route = connection.route();
      InetSocketAddress reached = null;
      if (route.proxy().type() == Proxy.Type.DIRECT) {
        reached = route.socketAddress();
      } else {
        InetAddress named = addressIn(url.host());
        reached = named == null ? null : new InetSocketAddress(named, url.port());
      }
      if (reached != null && reached.getAddress() != null && refused.test(reached)) {
        throw new PrivateAddressException(
            "download of "
                + SafeUrl.of(url)
                + " refused: host "
                + url.host()
                + " is at "
                + reached.getAddress().getHostAddress()
                + ", a loopback, private or link-local address, and the API is not; allow it with"
                + " ViduClient.Builder.allowPrivateDownloadAddresses(true) if result files really"
                + " live there",
            url.host(),
            reached.getAddress().getHostAddress());
      }
    }
    return chain.proceed(chain.request());
  }

  /**
   * Whether the API's own base URL names an internal host (numerically, or {@code localhost}): then
   * its result files are expected there too (a sandbox, a test server), and nothing is refused.
   * Decided from the URL alone, without a DNS lookup.
   */
  public static boolean isInternalHost(HttpUrl baseUrl) {
    InetAddress address = addressIn(baseUrl.host());
    return address != null && isInternal(address);
  }

  /**
   * The address a host names without a DNS lookup: a numeric host's, or loopback for {@code
   * localhost} and its subdomains (RFC 6761); null for any other name.
   */
  private static @Nullable InetAddress addressIn(String host) {
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return InetAddress.getLoopbackAddress();
    }
    boolean numeric =
        host.contains(":") || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    if (!numeric) {
      return null;
    }
    try {
      return InetAddress.getByName(host); // a literal: parsed, never looked up
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Loopback, unspecified ({@code 0.0.0.0}, {@code ::}), link-local (169.254/16 with the cloud
   * metadata address, fe80::/10), private (10/8, 172.16/12, 192.168/16, fc00::/7), shared
   * (100.64/10, where some clouds serve metadata too) and multicast addresses.
   */
  static boolean isInternal(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      return first == 0 || (first == 100 && second >= 64 && second < 128);
    }
    if (address instanceof Inet6Address) {
      return (bytes[0] & 0xfe) == 0xfc; // unique local, fc00::/7
    }
    return false;
  }
}
