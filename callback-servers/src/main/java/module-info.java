/**
 * Server adapters for callback receivers: {@link
 * io.github.vidu4j.callback.servers.JdkHttpServerCallbackRequests} and {@link
 * io.github.vidu4j.callback.servers.ServletCallbackRequests}.
 */
module io.github.vidu4j.callback.servers {
  requires transitive io.github.vidu4j;
  requires static transitive org.jspecify;
  // Not transitive: javac would then demand both of every module reading this one. A receiver
  // using an adapter requires its server's module anyway.
  requires static jdk.httpserver;
  requires static jakarta.servlet;

  exports io.github.vidu4j.callback.servers;
}
