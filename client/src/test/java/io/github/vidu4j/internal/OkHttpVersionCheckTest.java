package io.github.vidu4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.Test;

class OkHttpVersionCheckTest {
  private static final String OKHTTP_5 = "file:/repo/okhttp-jvm-5.5.1.jar";
  private static final String OKHTTP_4 = "file:/repo/okhttp-4.12.0.jar";

  @Test
  void okHttp5AloneIsFine() {
    assertThat(OkHttpVersionCheck.problem("5.5.1", List.of(OKHTTP_5))).isNull();
  }

  @Test
  void okHttp4AloneIsNamedWithTheFix() {
    assertThat(OkHttpVersionCheck.problem("4.12.0", List.of(OKHTTP_4)))
        .startsWith("OkHttp 4.12.0 is on the classpath.")
        .contains("com.squareup.okhttp3:okhttp-jvm", "exclude com.squareup.okhttp3:okhttp 4.x");
  }

  @Test
  void bothJarsAreNamedWhicheverWinsTheVersion() {
    assertThat(OkHttpVersionCheck.problem("5.5.1", List.of(OKHTTP_4, OKHTTP_5)))
        .startsWith("OkHttp classes are on the classpath 2 times (OkHttp.VERSION 5.5.1)")
        .contains(OKHTTP_4, OKHTTP_5);
    assertThat(OkHttpVersionCheck.problem("4.12.0", List.of(OKHTTP_5, OKHTTP_4)))
        .contains("2 times");
  }

  @Test
  void thisBuildsClasspathPasses() {
    assertThatCode(OkHttpVersionCheck::requireOkHttp5).doesNotThrowAnyException();
  }
}
