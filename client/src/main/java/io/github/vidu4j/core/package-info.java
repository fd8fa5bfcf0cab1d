/**
 * The bottom layer of the client, which every other package may use and which uses none of them:
 * the exceptions ({@link io.github.vidu4j.core.ViduException} and its family), reading and writing
 * Vidu's JSON ({@link io.github.vidu4j.core.ViduJson}, {@link io.github.vidu4j.core.RawJson}), the
 * events ({@link io.github.vidu4j.core.ViduEventListener}), the {@link
 * io.github.vidu4j.core.Sleeper} and URLs made safe to show ({@link
 * io.github.vidu4j.core.SafeUrl}).
 */
@NullMarked
package io.github.vidu4j.core;

import org.jspecify.annotations.NullMarked;
