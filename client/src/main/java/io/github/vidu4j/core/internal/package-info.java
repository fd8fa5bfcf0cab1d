/**
 * The Gson configuration behind {@link io.github.vidu4j.core.ViduJson} and the client's converters,
 * and the raw JSON each model was read from. Not exported: no part of the public API.
 */
@NullMarked
package io.github.vidu4j.core.internal;

import org.jspecify.annotations.NullMarked;
