/**
 * Checks a request before a byte is sent: {@link io.github.vidu4j.validation.RequestValidator}
 * applies the per-model rules (the Java twin of the spec's {@code x-vidu-model-rules}, kept in
 * agreement by a test that reads the spec) and the image rules; {@link
 * io.github.vidu4j.validation.ImageInput} turns URLs, files, bytes and streams into the strings
 * the generated request model holds, checking images from their header bytes only.
 */
@NullMarked
package io.github.vidu4j.validation;

import org.jspecify.annotations.NullMarked;
