/**
 * Vidu's signed callbacks: verify them ({@code CallbackVerifier}) and sign them for tests and
 * emulators ({@link io.github.vidu4j.callback.CallbackSigner}). Nothing here touches the network.
 */
@NullMarked
package io.github.vidu4j.callback;

import org.jspecify.annotations.NullMarked;
