/**
 * Checks a request before a byte is sent: {@link io.github.vidu4j.validation.RequestValidator}
 * applies each {@link io.github.vidu4j.validation.GenerationOperation}'s schema, per-model rules
 * and image rules, which {@link io.github.vidu4j.validation.ViduRules} reads from the spec this
 * release was built from (its {@code x-vidu-model-rules} and {@code x-vidu-image-rules}; nothing
 * here restates them); {@link io.github.vidu4j.validation.ImageInput} turns URLs, files, bytes and
 * streams into the strings the generated request model holds, checking images from their header
 * bytes only.
 */
@NullMarked
package io.github.vidu4j.validation;

import org.jspecify.annotations.NullMarked;
