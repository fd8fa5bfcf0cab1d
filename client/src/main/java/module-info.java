/**
 * The vidu4j client: {@link io.github.vidu4j.ViduClient} and its resources, validation and callback
 * verification (batches are {@code vidu4j-batch}, the callback server adapters {@code
 * vidu4j-callback-servers}). {@code io.github.vidu4j.internal} is not exported.
 */
module io.github.vidu4j {
  requires transitive io.github.vidu4j.generated;
  requires transitive com.google.gson;
  requires transitive okhttp3; // and retrofit2, an automatic module, through the generated module
  requires static transitive org.jspecify;

  exports io.github.vidu4j;
  exports io.github.vidu4j.core;
  exports io.github.vidu4j.callback;
  exports io.github.vidu4j.validation;
}
