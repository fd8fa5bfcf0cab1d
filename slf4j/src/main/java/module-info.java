/** {@link io.github.vidu4j.slf4j.Slf4jEventListener}: vidu4j's events as SLF4J log lines. */
module io.github.vidu4j.slf4j {
  requires transitive io.github.vidu4j;
  requires transitive org.slf4j;

  exports io.github.vidu4j.slf4j;
}
