package io.github.vidu4j.benchmarks;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.ViduEventListener;
import io.github.vidu4j.model.TaskCreations;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What observing costs: {@code tasks().get} over loopback with a listener that does nothing ({@code
 * ours}) against the same client with none ({@code raw}), and with {@code logEvents} a logger whose
 * level drops every line ({@code oursGetLoggedOff}). Since HTTP events are OkHttp's own (no
 * interceptor of ours), a successful read emits no event: the pairs should be equal.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ListenerBenchmark {
  private static final String TASK_ID = "842157349120733184";

  private LoopbackServer server;
  private ViduClient withoutListener;
  private ViduClient withNoOpListener;
  private ViduClient withLoggerOff;

  @Setup
  public void setUp() throws IOException {
    server = new LoopbackServer();
    ViduClient.Builder builder =
        ViduClient.builder().apiKey(Fixtures.API_KEY).baseUrl(server.baseUrl());
    withoutListener = builder.build();
    withNoOpListener =
        withoutListener.newBuilder().eventListener(new ViduEventListener() {}).build();
    System.Logger off = System.getLogger("vidu4j.benchmark.off");
    withLoggerOff = withoutListener.newBuilder().logEvents(new LevelOff(off)).build();
  }

  @TearDown
  public void tearDown() {
    withoutListener.close();
    withNoOpListener.close();
    withLoggerOff.close();
    server.close();
  }

  @Benchmark
  public TaskCreations oursGet() {
    return withNoOpListener.tasks().get(TASK_ID);
  }

  @Benchmark
  public TaskCreations rawGet() {
    return withoutListener.tasks().get(TASK_ID);
  }

  @Benchmark
  public TaskCreations oursGetLoggedOff() {
    return withLoggerOff.tasks().get(TASK_ID);
  }

  /** The pair of {@link #oursGetLoggedOff}: the same call on the client with no listener. */
  @Benchmark
  public TaskCreations rawGetLoggedOff() {
    return withoutListener.tasks().get(TASK_ID);
  }

  /** A logger whose every level is off, whatever the JVM's logging configuration says. */
  private static final class LevelOff implements System.Logger {
    private final System.Logger name;

    LevelOff(System.Logger name) {
      this.name = name;
    }

    @Override
    public String getName() {
      return name.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
      return false;
    }

    @Override
    public void log(
        Level level, java.util.ResourceBundle bundle, String message, Throwable thrown) {}

    @Override
    public void log(
        Level level, java.util.ResourceBundle bundle, String format, Object... params) {}
  }
}
