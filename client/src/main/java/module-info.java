/**
 * The vidu4j client: {@link io.github.vidu4j.ViduClient} and its resources, validation and callback
 * verification (batches are {@code vidu4j-batch}). {@code io.github.vidu4j.internal} is not
 * exported.
 */
module io.github.vidu4j {
  requires transitive io.github.vidu4j.generated;
  requires transitive com.google.gson;
  requires transitive okhttp3; // and retrofit2, an automatic module, through the generated module
  requires static transitive org.jspecify;
  // Adapters for receivers that have them (JdkHttpServerCallbackRequests, ServletCallbackRequests).
  // Not transitive: javac would then demand both of every module reading this one. A receiver
  // using an adapter requires its server's module anyway.
  requires static jdk.httpserver;
  requires static jakarta.servlet;

  exports io.github.vidu4j;
  exports io.github.vidu4j.core;
  exports io.github.vidu4j.callback;
  exports io.github.vidu4j.validation;
}
