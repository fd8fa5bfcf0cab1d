package io.github.vidu4j.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.ViduClient;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core's packages point one way, read from the compiled classes (every class a class file
 * names: fields, signatures, calls, constants), not from imports: {@code core} (exceptions, JSON,
 * events, sleeper) at the bottom; {@code validation} and {@code callback} on it; {@code internal}
 * on those; the client and its resources on top. No package cycle, and no package in two of the
 * project's modules (a split package does not load on the module path).
 */
class LayeringTest {
  private static final String BASE = "io.github.vidu4j";

  /** Each package of the core and the packages of the core it may use. */
  static final Map<String, Set<String>> ALLOWED =
      Map.of(
          BASE + ".core.internal",
          Set.of(),
          BASE + ".core",
          Set.of(BASE + ".core.internal"),
          BASE + ".validation",
          Set.of(BASE + ".core", BASE + ".core.internal"),
          BASE + ".callback",
          Set.of(BASE + ".core", BASE + ".core.internal"),
          BASE + ".internal",
          Set.of(BASE + ".core", BASE + ".core.internal", BASE + ".validation"),
          BASE,
          Set.of(
              BASE + ".core",
              BASE + ".core.internal",
              BASE + ".validation",
              BASE + ".callback",
              BASE + ".internal"));

  /** The generated module's packages: below everything, like any library. */
  static final Set<String> GENERATED =
      Set.of(BASE + ".model", BASE + ".internal.api", BASE + ".internal.invoker");

  @Test
  void corePackagesDependOnlyDownwards() throws IOException {
    Map<String, Set<String>> edges = packageEdges(classesDirectory());

    assertThat(edges.get(BASE + ".ViduClient"))
        .as("the reader sees what ViduClient uses")
        .contains(BASE + ".core.ViduEventListener", BASE + ".internal.RetryingExecutor");
    assertThat(violations(edges)).as("dependencies against the layering").isEmpty();
  }

  @Test
  void corePackagesHaveNoCycle() throws IOException {
    Map<String, Set<String>> edges = packageEdges(classesDirectory());

    assertThat(cycles(edges)).as("package cycles").isEmpty();
  }

  @Test
  void noPackageIsSplitAcrossTheProjectsModules() throws IOException {
    Map<String, Set<String>> modulesByPackage = new TreeMap<>();
    try (Stream<Path> modules = Files.list(projectRoot())) {
      for (Path module : modules.filter(Files::isDirectory).toList()) {
        Path sources = module.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(sources)) {
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> !f.getFileName().toString().equals("module-info.java"))
              .map(f -> sources.relativize(f.getParent()).toString().replace('/', '.'))
              .forEach(
                  p ->
                      modulesByPackage
                          .computeIfAbsent(p, k -> new TreeSet<>())
                          .add(module.getFileName().toString()));
        }
      }
    }
    // The generated module's packages come from the spec, not src/main/java.
    for (String generated : GENERATED) {
      modulesByPackage.computeIfAbsent(generated, k -> new TreeSet<>()).add("generated");
    }

    assertThat(modulesByPackage).as("packages by module").isNotEmpty();
    assertThat(modulesByPackage.entrySet().stream().filter(e -> e.getValue().size() > 1).toList())
        .as("packages in more than one module")
        .isEmpty();
  }

  /** Each "from -> to (Class -> Class)" that {@link #ALLOWED} does not allow. */
  static List<String> violations(Map<String, Set<String>> classEdges) {
    List<String> found = new ArrayList<>();
    classEdges.forEach(
        (from, targets) -> {
          String fromPackage = packageOf(from);
          for (String to : targets) {
            String toPackage = packageOf(to);
            if (toPackage.equals(fromPackage) || GENERATED.contains(toPackage)) {
              continue;
            }
            Set<String> allowed = ALLOWED.get(fromPackage);
            if (allowed == null) {
              found.add(fromPackage + " is in no layer (" + simple(from) + ")");
            } else if (!allowed.contains(toPackage)) {
              found.add(
                  fromPackage
                      + " -> "
                      + toPackage
                      + " ("
                      + simple(from)
                      + " -> "
                      + simple(to)
                      + "): "
                      + fromPackage
                      + " may use only "
                      + new TreeSet<>(allowed));
            }
          }
        });
    return found;
  }

  /** The package cycles among the core's packages (strongly connected sets of two or more). */
  static List<Set<String>> cycles(Map<String, Set<String>> classEdges) {
    Map<String, Set<String>> graph = new TreeMap<>();
    classEdges.forEach(
        (from, targets) -> {
          for (String to : targets) {
            String a = packageOf(from);
            String b = packageOf(to);
            if (!a.equals(b) && !GENERATED.contains(b)) {
              graph.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
            }
          }
        });
    List<Set<String>> cycles = new ArrayList<>();
    for (String start : graph.keySet()) {
      Set<String> reachable = reach(graph, start);
      if (!reachable.contains(start)) {
        continue;
      }
      Set<String> component = new TreeSet<>();
      for (String other : reachable) {
        if (reach(graph, other).contains(start)) {
          component.add(other);
        }
      }
      if (!cycles.contains(component)) {
        cycles.add(component);
      }
    }
    return cycles;
  }

  private static Set<String> reach(Map<String, Set<String>> graph, String start) {
    Set<String> seen = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(graph.getOrDefault(start, Set.of()));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (seen.add(next)) {
        todo.addAll(graph.getOrDefault(next, Set.of()));
      }
    }
    return seen;
  }

  /**
   * Class (binary name, nested classes folded into their top level) to the project classes it
   * names.
   */
  static Map<String, Set<String>> packageEdges(Path classes) throws IOException {
    Map<String, Set<String>> edges = new HashMap<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        if (file.getFileName().toString().endsWith("-info.class")) {
          continue;
        }
        String name = topLevel(classes.relativize(file).toString().replace(".class", ""));
        try (InputStream in = Files.newInputStream(file)) {
          for (String used : namedClasses(in)) {
            if (used.startsWith(BASE.replace('.', '/') + "/")) {
              edges
                  .computeIfAbsent(name.replace('/', '.'), k -> new TreeSet<>())
                  .add(topLevel(used).replace('/', '.'));
            }
          }
        }
      }
    }
    return edges;
  }

  private static final Pattern DESCRIPTOR = Pattern.compile("L([\\w/$]+)[;<]");

  /**
   * The internal names of every class a class file's constant pool names: its class entries and the
   * types inside field, method and generic signatures.
   */
  static Set<String> namedClasses(InputStream stream) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    List<Integer> classEntries = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classEntries.add(in.readUnsignedShort());
        case 8, 16, 19, 20 -> in.readUnsignedShort();
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    Set<String> names = new TreeSet<>();
    for (int index : classEntries) {
      String name = utf8[index];
      if (name.startsWith("[")) {
        Matcher m = DESCRIPTOR.matcher(name);
        while (m.find()) {
          names.add(m.group(1));
        }
      } else {
        names.add(name);
      }
    }
    for (String text : utf8) {
      if (text != null && (text.contains("(") || text.startsWith("L") || text.startsWith("<"))) {
        Matcher m = DESCRIPTOR.matcher(text);
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }

  private static String topLevel(String internalName) {
    int dollar = internalName.indexOf('$', internalName.lastIndexOf('/') + 1);
    return dollar < 0 ? internalName : internalName.substring(0, dollar);
  }

  private static String packageOf(String binaryName) {
    return binaryName.substring(0, binaryName.lastIndexOf('.'));
  }

  private static String simple(String binaryName) {
    return binaryName.substring(binaryName.lastIndexOf('.') + 1);
  }

  private static Path classesDirectory() {
    try {
      return Path.of(ViduClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path projectRoot() {
    return Path.of(System.getProperty("vidu.spec", "../openapi/vidu.yaml"))
        .toAbsolutePath()
        .getParent()
        .getParent();
  }
}
