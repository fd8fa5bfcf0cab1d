/**
 * A local Vidu emulator: the five operations of {@code openapi/vidu.yaml} on loopback, with the
 * real task lifecycle, rendered PNG results, signed callbacks, faults on demand and a record of
 * every request. Start one with {@link io.github.vidu4j.sandbox.ViduSandbox#start()}, in JUnit 5
 * with {@code io.github.vidu4j.sandbox.junit5.ViduSandboxExtension} (artifact {@code
 * vidu4j-sandbox-junit5}), or from a terminal with {@link io.github.vidu4j.sandbox.SandboxMain}.
 */
@org.jspecify.annotations.NullMarked
package io.github.vidu4j.sandbox;
