/**
 * Replay protection shared by several callback receivers: {@link
 * io.github.vidu4j.callback.redis.RedisNonceStore}, a {@link io.github.vidu4j.callback.NonceStore}
 * over Redis.
 */
@NullMarked
package io.github.vidu4j.callback.redis;

import org.jspecify.annotations.NullMarked;
