package io.github.vidu4j.internal;

import io.github.vidu4j.core.ViduException;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Fails fast when the classpath does not hold OkHttp 5 alone. OkHttp 4 ({@code
 * com.squareup.okhttp3:okhttp:4.x}) and OkHttp 5 for the JVM ({@code okhttp-jvm}, which vidu4j
 * depends on) are different artifacts with the same classes, so Maven keeps both and each class
 * comes from whichever jar is first: the client then fails later, with a {@link LinkageError} deep
 * in a call, or not at all until some path differs. Checked once, when the first client is built.
 */
public final class OkHttpVersionCheck {
  private static final String CLIENT_CLASS_FILE = "okhttp3/OkHttpClient.class";
  private static final @Nullable String PROBLEM = problem(version(), copies());

  private OkHttpVersionCheck() {}

  /**
   * Throws if OkHttp 4 is on the classpath, alone or beside OkHttp 5.
   *
   * @throws ViduException naming the OkHttp version and jars found, and the fix
   */
  public static void requireOkHttp5() {
    if (PROBLEM != null) {
      throw new ViduException(PROBLEM);
    }
  }

  /** What is wrong with this OkHttp version and these copies of its classes, or null if nothing. */
  static @Nullable String problem(String version, List<String> copies) {
    String fix =
        "vidu4j needs OkHttp 5 for the JVM (com.squareup.okhttp3:okhttp-jvm) and no other OkHttp: "
            + "remove or exclude com.squareup.okhttp3:okhttp 4.x from your build, or depend on "
            + "okhttp-jvm 5 instead (the Maven artifact 'okhttp' 5.x has no classes)";
    if (copies.size() > 1) {
      return "OkHttp classes are on the classpath "
          + copies.size()
          + " times (OkHttp.VERSION "
          + version
          + "), from "
          + String.join(", ", copies)
          + ". "
          + fix;
    }
    if (!version.startsWith("5.")) {
      return "OkHttp " + version + " is on the classpath. " + fix;
    }
    return null;
  }

  // Read at run time: OkHttp.VERSION is a constant, which javac would copy in at compile time.
  private static String version() {
    try {
      return String.valueOf(Class.forName("okhttp3.OkHttp").getField("VERSION").get(null));
    } catch (ReflectiveOperationException | LinkageError e) {
      return "unknown (" + e + ")";
    }
  }

  private static List<String> copies() {
    ClassLoader loader = OkHttpVersionCheck.class.getClassLoader();
    if (loader == null) {
      return List.of();
    }
    List<String> copies = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources(CLIENT_CLASS_FILE))) {
        String location = url.toString();
        int inJar = location.indexOf("!/");
        copies.add(inJar < 0 ? location : location.substring(0, inJar));
      }
    } catch (IOException e) {
      return List.of();
    }
    return copies;
  }
}
