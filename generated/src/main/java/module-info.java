/**
 * The models and Retrofit interfaces generated from {@code openapi/vidu.yaml}; the one hand-written
 * file here. Use them through {@code io.github.vidu4j}: only the models are for everyone, the
 * interfaces and their helpers are the client's alone.
 */
module io.github.vidu4j.generated {
  requires transitive com.google.gson;
  requires transitive okhttp3;
  requires transitive retrofit2;
  requires static jakarta.annotation;

  exports io.github.vidu4j.model;
  exports io.github.vidu4j.internal.api to
      io.github.vidu4j;
  exports io.github.vidu4j.internal.invoker to
      io.github.vidu4j;

  // Gson reads and writes the models' fields reflectively; the client keeps each model's raw JSON
  // in a field the template adds (a private lookup, so the package stays open to it). Requests are
  // no longer copied by reflection: the client writes them once through Gson.
  opens io.github.vidu4j.model to
      com.google.gson,
      io.github.vidu4j;
}
