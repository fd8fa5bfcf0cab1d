/**
 * vidu4j batch: {@link io.github.vidu4j.batch.Batches} runs a file of requests through a {@link
 * io.github.vidu4j.ViduClient} and saves each task's results into a directory ({@link
 * io.github.vidu4j.batch.TaskFiles}). Uses the client's public API only.
 */
module io.github.vidu4j.batch {
  requires transitive io.github.vidu4j;
  requires transitive com.google.gson;
  requires transitive okhttp3;
  requires static transitive org.jspecify;

  exports io.github.vidu4j.batch;
}
