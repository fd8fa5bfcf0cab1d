package io.github.vidu4j.benchmarks;

import com.google.gson.Gson;
import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskList;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Reading a response into the generated model: {@code ViduJson.read} (unknown fields kept) against
 * plain Gson on the same model (unknown fields dropped).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParseBenchmark {
  private final Gson gson = Fixtures.plainGson();

  @Benchmark
  public TaskCreations oursParseTask() {
    return ViduJson.read(Fixtures.TASK_JSON, TaskCreations.class);
  }

  @Benchmark
  public TaskCreations rawParseTask() {
    return gson.fromJson(Fixtures.TASK_JSON, TaskCreations.class);
  }

  @Benchmark
  public TaskList oursParseList() {
    return ViduJson.read(Fixtures.LIST_JSON, TaskList.class);
  }

  @Benchmark
  public TaskList rawParseList() {
    return gson.fromJson(Fixtures.LIST_JSON, TaskList.class);
  }
}
