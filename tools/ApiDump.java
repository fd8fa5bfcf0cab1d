import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The public API of one module as text, as OkHttp's {@code api/*.api} files: what a reviewer reads
 * when the API changes, and what the breaking-change gate compares with the last release.
 *
 * <p>The dump is javap's view ({@code -protected}) of every class a user can reach: public and
 * protected members of public classes (nested ones when every enclosing class is public too), in
 * the packages the module exports ({@code module-info}), or in every package but {@code
 * *.internal*} when the module has no descriptor. Classes and members are sorted, so moving a method
 * within its file changes nothing.
 *
 * <p>Run with the JDK's source launcher (no build step), from the parent pom in {@code verify}:
 *
 * <pre>
 * java tools/ApiDump.java --classes DIR|JAR --api FILE [--mode check|record]
 *     [--released FILE --version V --released-version R] [--report FILE]
 * </pre>
 *
 * <ul>
 *   <li>{@code --mode check} (the default): the dump of {@code --classes} must equal {@code --api}; otherwise a unified
 *       diff and the command that re-records it, exit 1.
 *   <li>{@code --mode record}: writes the dump to {@code --api} (no gate).
 *   <li>{@code --released}: the breaking-change gate. Against the dump of the last release, a
 *       removed class or member, a narrowed class (final, abstract, a lost supertype, another kind)
 *       or a new abstract method on a type users may implement is breaking, and then the major
 *       version must be higher than the release's (from 0.x too). Anything else is compatible.
 * </ul>
 */
public final class ApiDump {
  private static final String RECORD_COMMAND =
      "mvn -B -q -Dmaven.test.skip=true -Dvidu.api.record package";

  private ApiDump() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--") && i + 1 < args.length) {
        options.put(args[i].substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException("unexpected argument: " + args[i]);
      }
    }
    String mode = options.getOrDefault("mode", "check");
    if (!mode.equals("check") && !mode.equals("record")) {
      throw new IllegalArgumentException("--mode is check or record, not " + mode);
    }
    boolean record = mode.equals("record");
    Path classes = Path.of(require(options, "classes"));
    Path api = Path.of(require(options, "api"));
    String name = api.getFileName().toString();
    List<String> dump = Files.exists(classes) ? dump(classes) : List.of();
    if (dump.isEmpty() && !Files.exists(api)) {
      return; // nothing public and nothing recorded: a module of resources or tests
    }
    if (record) {
      Files.createDirectories(api.toAbsolutePath().getParent());
      Files.writeString(api, String.join("\n", dump) + "\n", StandardCharsets.UTF_8);
      System.out.println("[api] recorded " + api + " (" + dump.size() + " lines)");
    } else if (!Files.exists(api)) {
      fail("[api] no API baseline " + api + ". Record it (from the project root): " + RECORD_COMMAND);
    } else {
      List<String> recorded = readLines(api);
      if (!recorded.equals(dump)) {
        fail(
            "[api] the public API differs from "
                + api
                + " (- recorded, + now):\n"
                + unifiedDiff(recorded, dump, name)
                + "If the change is meant, re-record it (from the project root): "
                + RECORD_COMMAND
                + "\nand commit "
                + name
                + ": reviewers read the API change there.");
      }
    }
    String released = options.get("released");
    if (released != null && !record) {
      gate(
          Path.of(released),
          dump,
          require(options, "version"),
          require(options, "released-version"),
          Optional.ofNullable(options.get("report")).map(Path::of));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The dump

  /** The sorted API text of a directory of classes or a jar. */
  static List<String> dump(Path classes) throws IOException {
    Path root = classes;
    Path unpacked = null;
    if (Files.isRegularFile(classes)) {
      unpacked = Files.createTempDirectory("api-dump");
      unzip(classes, unpacked);
      root = unpacked;
    }
    try {
      return dumpDirectory(root);
    } finally {
      if (unpacked != null) {
        try (Stream<Path> paths = Files.walk(unpacked)) {
          for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
            Files.delete(path);
          }
        }
      }
    }
  }

  private static List<String> dumpDirectory(Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> paths = Files.walk(root)) {
      files = paths.filter(p -> p.toString().endsWith(".class")).sorted().toList();
    }
    if (files.isEmpty()) {
      return List.of();
    }
    Path descriptor = root.resolve("module-info.class");
    List<Block> blocks = javap(files.stream().map(Path::toString).toList());
    Set<String> exported = null;
    Block module = null;
    if (Files.exists(descriptor)) {
      module = blocks.stream().filter(b -> b.kind.equals("module")).findFirst().orElseThrow();
      exported = new TreeSet<>();
      for (String member : module.members) {
        Matcher export = Pattern.compile("exports ([\\w.]+);").matcher(member);
        if (export.matches()) {
          exported.add(export.group(1)); // qualified exports ("to ...") are not API
        }
      }
    }
    Map<String, Block> byName = new TreeMap<>();
    for (Block block : blocks) {
      if (!block.kind.equals("module")) {
        byName.put(block.name, block);
      }
    }
    List<String> lines = new ArrayList<>();
    if (module != null) {
      lines.addAll(module.render());
    }
    for (Block block : byName.values()) {
      String pkg = packageOf(block.name);
      boolean inApi =
          exported != null
              ? exported.contains(pkg)
              : !(pkg.endsWith(".internal") || pkg.contains(".internal."));
      if (inApi && reachable(block, byName)) {
        lines.addAll(block.render());
      }
    }
    if (!lines.isEmpty()) {
      lines.remove(lines.size() - 1); // the blank line after the last class
    }
    return lines;
  }

  private static boolean reachable(Block block, Map<String, Block> byName) {
    if (!block.exposed()) {
      return false;
    }
    int dollar = block.name.lastIndexOf('$');
    if (dollar < 0) {
      return true;
    }
    Block outer = byName.get(block.name.substring(0, dollar));
    return outer != null && reachable(outer, byName);
  }

  private static String packageOf(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : className.substring(0, dot);
  }

  /** One class (or the module) as javap prints it. */
  private static final class Block {
    final String header;
    final String kind;
    final String name;
    final Set<String> modifiers;
    final Set<String> supertypes;
    final TreeSet<String> members = new TreeSet<>();

    Block(String header) {
      this.header = header;
      List<String> words = List.of(header.replace(" {", "").split(" "));
      int kindAt = 0;
      while (kindAt < words.size() && !isKind(words.get(kindAt))) {
        kindAt++;
      }
      if (kindAt == words.size()) {
        throw new IllegalStateException("not a class header: " + header);
      }
      this.kind = words.get(kindAt);
      this.modifiers = new TreeSet<>(words.subList(0, kindAt));
      String declared = words.get(kindAt + 1);
      this.name =
          kind.equals("module") ? declared.replaceAll("@.*", "") : declared.replaceAll("<.*", "");
      this.supertypes = new TreeSet<>();
      String rest = header.replace(" {", "");
      for (String keyword : List.of(" extends ", " implements ")) {
        int at = rest.indexOf(keyword);
        if (at >= 0) {
          String list = rest.substring(at + keyword.length());
          int next = list.indexOf(" implements ");
          if (next >= 0) {
            list = list.substring(0, next);
          }
          supertypes.addAll(splitTopLevel(list));
        }
      }
    }

    private static boolean isKind(String word) {
      return Set.of("class", "interface", "enum", "module", "@interface").contains(word);
    }

    boolean exposed() {
      return modifiers.contains("public") || modifiers.contains("protected");
    }

    boolean implementable() {
      return kind.equals("interface")
          || (kind.equals("class") && modifiers.contains("abstract") && !modifiers.contains("final"));
    }

    /** The header without a module's version, which every build changes. */
    String stableHeader() {
      return kind.equals("module") ? header.replaceFirst("@[^ ]*", "") : header;
    }

    List<String> render() {
      List<String> lines = new ArrayList<>();
      lines.add(stableHeader());
      for (String member : members) {
        lines.add("  " + member);
      }
      lines.add("}");
      lines.add("");
      return lines;
    }
  }

  private static List<String> splitTopLevel(String list) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    StringBuilder part = new StringBuilder();
    for (char c : list.toCharArray()) {
      if (c == '<') {
        depth++;
      } else if (c == '>') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        parts.add(part.toString().trim());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    if (part.length() > 0) {
      parts.add(part.toString().trim());
    }
    return parts;
  }

  private static List<Block> javap(List<String> files) {
    ToolProvider javap =
        ToolProvider.findFirst("javap")
            .orElseThrow(() -> new IllegalStateException("javap not found: run with a JDK"));
    List<String> arguments = new ArrayList<>(List.of("-protected"));
    arguments.addAll(files);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        javap.run(new PrintWriter(out), new PrintWriter(err), arguments.toArray(String[]::new));
    if (exit != 0) {
      throw new IllegalStateException("javap failed (" + exit + "): " + err + out);
    }
    List<Block> blocks = new ArrayList<>();
    Block current = null;
    StringBuilder statement = new StringBuilder(); // a module's "exports a to\n b,\n c;" is one
    for (String line : out.toString().split("\n", -1)) {
      if (line.startsWith("Compiled from ") || line.isBlank()) {
        continue;
      }
      if (current == null) {
        current = new Block(line.strip());
      } else if (line.equals("}")) {
        blocks.add(current);
        current = null;
      } else {
        statement.append(statement.length() == 0 ? "" : " ").append(line.strip());
        if (statement.charAt(statement.length() - 1) == ';') {
          String member = statement.toString();
          statement.setLength(0);
          if (!member.startsWith("static {}")) {
            current.members.add(member);
          }
        }
      }
    }
    return blocks;
  }

  private static void unzip(Path jar, Path into) throws IOException {
    try (InputStream in = Files.newInputStream(jar);
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        if (entry.isDirectory() || !entry.getName().endsWith(".class")) {
          continue;
        }
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("entry outside the jar's root: " + entry.getName());
        }
        Files.createDirectories(target.getParent());
        Files.copy(zip, target);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The breaking-change gate

  private static void gate(
      Path releasedDump, List<String> now, String version, String releasedVersion, Optional<Path> report)
      throws IOException {
    String artifact = releasedDump.getFileName().toString();
    if (!Files.exists(releasedDump)) {
      System.out.println(
          "[api] " + artifact + ": no such release baseline, so no version gate (a new artifact)");
      return;
    }
    Map<String, Block> before = parse(readLines(releasedDump));
    Map<String, Block> after = parse(now);
    List<String> breaking = new ArrayList<>();
    List<String> added = new ArrayList<>();
    for (Block old : before.values()) {
      Block current = after.get(key(old));
      if (current == null) {
        breaking.add("removed: " + old.stableHeader());
        continue;
      }
      if (!current.stableHeader().equals(old.stableHeader())) {
        String narrowed = narrowed(old, current);
        if (narrowed != null) {
          breaking.add(narrowed + ": " + old.stableHeader() + "  ->  " + current.stableHeader());
        } else {
          added.add("widened: " + current.stableHeader());
        }
      }
      for (String member : old.members) {
        if (!current.members.contains(member)) {
          breaking.add("removed from " + old.name + ": " + member);
        }
      }
      for (String member : current.members) {
        if (old.members.contains(member)) {
          continue;
        }
        boolean mustImplement =
            old.implementable()
                && member.contains(" abstract ")
                && !member.startsWith("static ")
                && !old.kind.equals("module");
        (mustImplement ? breaking : added)
            .add(
                (mustImplement ? "abstract method users must now implement in " : "added to ")
                    + old.name
                    + ": "
                    + member);
      }
    }
    for (Block current : after.values()) {
      if (!before.containsKey(key(current))) {
        added.add("added: " + current.stableHeader());
      }
    }
    int[] released = versionOf(releasedVersion);
    int[] ours = versionOf(version);
    StringBuilder text = new StringBuilder();
    text.append("API of ")
        .append(artifact)
        .append(" (release ")
        .append(releasedVersion)
        .append(") against ")
        .append(version)
        .append(": ");
    if (!breaking.isEmpty()) {
      text.append(breaking.size()).append(" breaking change(s), so the next release is ")
          .append(released[0] + 1)
          .append(".0.0\n");
    } else if (!added.isEmpty()) {
      text.append("compatible additions only, so the next release may be ")
          .append(released[0])
          .append('.')
          .append(released[1] + 1)
          .append(".0\n");
    } else {
      text.append("unchanged\n");
    }
    breaking.forEach(line -> text.append("  BREAKING ").append(line).append('\n'));
    added.forEach(line -> text.append("  compatible ").append(line).append('\n'));
    if (report.isPresent()) {
      Files.createDirectories(report.get().toAbsolutePath().getParent());
      Files.writeString(report.get(), text.toString(), StandardCharsets.UTF_8);
    }
    if (!breaking.isEmpty() && ours[0] <= released[0]) {
      fail(
          "[api] "
              + text
              + "The project's version "
              + version
              + " keeps major version "
              + ours[0]
              + ": a breaking change needs "
              + (released[0] + 1)
              + ".0.0 (mvn versions:set, and bom/pom.xml), or the change made compatible. "
              + "See released/README.md.");
    }
    System.out.println("[api] " + text.toString().lines().findFirst().orElse(""));
  }

  /** Why a changed class header breaks users, or null when it only widens the class. */
  private static String narrowed(Block old, Block current) {
    if (!old.kind.equals(current.kind)) {
      return "another kind of type";
    }
    if (old.kind.equals("module")) {
      return null; // the module's requires and exports are its members
    }
    if (old.modifiers.contains("public") && !current.modifiers.contains("public")) {
      return "less visible";
    }
    for (String modifier : List.of("final", "abstract", "sealed")) {
      if (current.modifiers.contains(modifier) && !old.modifiers.contains(modifier)) {
        return "now " + modifier;
      }
    }
    Set<String> lost = new TreeSet<>(old.supertypes);
    lost.removeAll(current.supertypes);
    return lost.isEmpty() ? null : "no longer a subtype of " + lost;
  }

  private static Map<String, Block> parse(List<String> lines) {
    Map<String, Block> blocks = new TreeMap<>();
    Block current = null;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      if (current == null) {
        current = new Block(line);
      } else if (line.equals("}")) {
        blocks.put(key(current), current);
        current = null;
      } else {
        current.members.add(line.strip());
      }
    }
    return blocks;
  }

  /** A class by its name, the module by "module" and its name: a class may share the name. */
  private static String key(Block block) {
    return block.kind.equals("module") ? "module " + block.name : block.name;
  }

  private static int[] versionOf(String version) {
    Matcher matcher = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*").matcher(version);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a version: " + version);
    }
    return new int[] {
      Integer.parseInt(matcher.group(1)),
      Integer.parseInt(matcher.group(2)),
      matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3))
    };
  }

  // ---------------------------------------------------------------------------------------------
  // A unified diff (longest common subsequence; the dumps are a few thousand lines at most)

  static String unifiedDiff(List<String> a, List<String> b, String name) {
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> ops = new ArrayList<>(); // ' ', '-', '+' then the line
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        ops.add(" " + a.get(i++));
        j++;
      } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
        ops.add("+" + b.get(j++));
      } else {
        ops.add("-" + a.get(i++));
      }
    }
    StringBuilder out = new StringBuilder("--- a/" + name + "\n+++ b/" + name + "\n");
    int context = 3;
    int k = 0;
    while (k < ops.size()) {
      if (ops.get(k).charAt(0) == ' ') {
        k++;
        continue;
      }
      int start = Math.max(0, k - context);
      int end = k;
      // extend the hunk while changes are within 2 * context lines of each other
      while (end < ops.size()) {
        int nextChange = end;
        while (nextChange < ops.size() && ops.get(nextChange).charAt(0) == ' ') {
          nextChange++;
        }
        if (nextChange == ops.size() || nextChange - end > 2 * context) {
          break;
        }
        end = nextChange + 1;
      }
      end = Math.min(ops.size(), end + context);
      int oldLine = 1 + (int) ops.subList(0, start).stream().filter(o -> o.charAt(0) != '+').count();
      int newLine = 1 + (int) ops.subList(0, start).stream().filter(o -> o.charAt(0) != '-').count();
      List<String> hunk = ops.subList(start, end);
      out.append("@@ -")
          .append(oldLine)
          .append(',')
          .append(hunk.stream().filter(o -> o.charAt(0) != '+').count())
          .append(" +")
          .append(newLine)
          .append(',')
          .append(hunk.stream().filter(o -> o.charAt(0) != '-').count())
          .append(" @@\n");
      hunk.forEach(o -> out.append(o).append('\n'));
      k = end;
    }
    return out.toString();
  }

  // ---------------------------------------------------------------------------------------------

  private static List<String> readLines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  private static String require(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  private static void fail(String message) {
    System.err.println(message);
    System.exit(1);
  }
}
