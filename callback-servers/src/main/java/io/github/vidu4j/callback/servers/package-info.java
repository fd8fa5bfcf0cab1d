/**
 * Reads a callback from a server's request as a {@link io.github.vidu4j.callback.CallbackRequest},
 * the raw body bounded: for receivers on the JDK's HTTP server or a Servlet container.
 */
@NullMarked
package io.github.vidu4j.callback.servers;

import org.jspecify.annotations.NullMarked;
