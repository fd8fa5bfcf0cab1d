/**
 * {@link io.github.vidu4j.sandbox.junit5.ViduSandboxExtension}: the vidu4j sandbox, a local Vidu
 * emulator, started and stopped around JUnit 5 tests (artifact {@code vidu4j-sandbox-junit5}).
 */
@org.jspecify.annotations.NullMarked
package io.github.vidu4j.sandbox.junit5;
