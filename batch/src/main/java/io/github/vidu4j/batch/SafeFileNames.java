package io.github.vidu4j.batch;

import java.nio.file.Path;

/**
 * File names built from server data. A task id comes from Vidu's JSON or from an unsigned callback
 * body, so it is untrusted: it is used as a name only when it is already made of {@code A-Z a-z 0-9
 * _ -}, and refused otherwise rather than rewritten, since two rewritten ids could name the same
 * file.
 */
final class SafeFileNames {
  private static final int MAX_SHOWN = 120;

  private SafeFileNames() {}

  /** {@code taskId} as a file name stem, or an {@link UnsafeFileNameException} saying why not. */
  static String stem(String taskId) {
    String problem = problem(taskId);
    if (problem != null) {
      String shown = escaped(taskId);
      throw new UnsafeFileNameException(
          "task id \""
              + shown
              + "\" cannot be used as a file name: "
              + problem
              + ". Only letters, digits, '_' and '-' (1 to "
              + UnsafeFileNameException.MAX_STEM_LENGTH
              + " characters) are used, so that a name from the server can never leave the target directory;"
              + " nothing was downloaded (save the URLs yourself with toFile if this id is expected)",
          shown);
    }
    return taskId;
  }

  private static String problem(String taskId) {
    if (taskId.isEmpty()) {
      return "it is empty";
    }
    if (taskId.length() > UnsafeFileNameException.MAX_STEM_LENGTH) {
      return "it has " + taskId.length() + " characters";
    }
    for (int i = 0; i < taskId.length(); i++) {
      char c = taskId.charAt(i);
      if (!((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '-')) {
        return "it contains '" + escaped(String.valueOf(c)) + "'";
      }
    }
    return null;
  }

  /**
   * {@code raw} for a message: printable ASCII kept, everything else as {@code \\uXXXX}, at most
   * {@value #MAX_SHOWN} characters of it.
   */
  static String escaped(String raw) {
    StringBuilder shown = new StringBuilder();
    int limit = Math.min(raw.length(), MAX_SHOWN);
    for (int i = 0; i < limit; i++) {
      char c = raw.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '\\' && c != '"') {
        shown.append(c);
      } else {
        shown.append(String.format("\\u%04x", (int) c));
      }
    }
    if (raw.length() > limit) {
      shown.append("\u2026 (").append(raw.length()).append(" characters)");
    }
    return shown.toString();
  }

  /**
   * {@code directory.resolve(name)}, checked to be directly inside {@code directory}: a second
   * guard behind {@link #stem}, for any name this class did not vet.
   */
  static Path inside(Path directory, String name) {
    Path file = directory.resolve(name);
    Path parent = file.normalize().getParent();
    Path expected = directory.normalize();
    if (parent == null
        ? !expected.toString().isEmpty()
        : !parent.equals(expected) || !file.getFileName().toString().equals(name)) {
      String shown = escaped(name);
      throw new UnsafeFileNameException(
          "file name \"" + shown + "\" would not be inside " + directory + "; nothing was written",
          shown);
    }
    return file;
  }
}
