/**
 * Vidu's signed callbacks: verify them ({@code CallbackVerifier}) and sign them for tests and
 * emulators ({@link io.github.vidu4j.callback.CallbackSigner}). Nothing here touches the network;
 * reading a callback from a server's request is {@code vidu4j-callback-servers}.
 */
@NullMarked
package io.github.vidu4j.callback;

import org.jspecify.annotations.NullMarked;
