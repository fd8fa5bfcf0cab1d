/**
 * The {@code vidu} command line: {@link io.github.vidu4j.cli.ViduCli} is the entry point. Every
 * command goes through the public {@code ViduClient} API, so it validates and retries exactly as
 * the library does.
 */
@NullMarked
package io.github.vidu4j.cli;

import org.jspecify.annotations.NullMarked;
