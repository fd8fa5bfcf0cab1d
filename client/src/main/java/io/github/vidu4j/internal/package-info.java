/**
 * Implementation details of vidu4j: interceptors, JSON set-up, retry and error mapping. Not API:
 * anything here may change in any release.
 */
@NullMarked
package io.github.vidu4j.internal;

import org.jspecify.annotations.NullMarked;
