package io.github.vidu4j.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The benchmark bodies outside JMH: one instance of each benchmark class, set up as JMH would
 * (trial-level {@code @Setup}), each {@code @Benchmark} method callable directly. Used by the smoke
 * test (each body once) and by {@link Interleaved} (ours and raw alternated in one JVM).
 */
public final class Bodies implements AutoCloseable {
  /** Every benchmark class of the suite, in report order. */
  public static final List<Class<?>> CLASSES =
      List.of(
          VerifyBenchmark.class,
          VerifyRedisBenchmark.class,
          ParseBenchmark.class,
          HttpBenchmark.class,
          SniffBenchmark.class,
          ClientBuildBenchmark.class,
          DataUriBenchmark.class,
          ListenerBenchmark.class);

  /** One benchmark method bound to its set-up instance. */
  public record Body(String className, String name, Object instance, Method method) {
    public Object run() throws Exception {
      try {
        return method.invoke(instance);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    }

    /** {@code oursGet} and {@code rawGet} share the key {@code Get}. */
    public String pairKey() {
      return name.startsWith("ours")
          ? name.substring(4)
          : name.startsWith("raw") ? name.substring(3) : name;
    }

    public boolean ours() {
      return name.startsWith("ours");
    }
  }

  private final List<Object> instances = new ArrayList<>();
  private final List<Body> bodies = new ArrayList<>();

  /** Instantiates and sets up {@code classes}. */
  public Bodies(List<Class<?>> classes) throws Exception {
    for (Class<?> type : classes) {
      Object instance = type.getConstructor().newInstance();
      instances.add(instance);
      for (Method m : sorted(type)) {
        if (m.isAnnotationPresent(Setup.class)) {
          invoke(m, instance);
        }
      }
      for (Method m : sorted(type)) {
        if (m.isAnnotationPresent(Benchmark.class)) {
          bodies.add(new Body(type.getSimpleName(), m.getName(), instance, m));
        }
      }
    }
  }

  public List<Body> bodies() {
    return bodies;
  }

  private static List<Method> sorted(Class<?> type) {
    List<Method> methods = new ArrayList<>(Arrays.asList(type.getDeclaredMethods()));
    methods.sort(Comparator.comparing(Method::getName));
    return methods;
  }

  private static void invoke(Method m, Object instance) throws Exception {
    try {
      m.invoke(instance);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  @Override
  public void close() {
    for (Object instance : instances) {
      for (Method m : sorted(instance.getClass())) {
        if (m.isAnnotationPresent(TearDown.class)) {
          try {
            invoke(m, instance);
          } catch (Exception e) {
            throw new IllegalStateException("tear-down " + m + " failed", e);
          }
        }
      }
    }
  }
}
