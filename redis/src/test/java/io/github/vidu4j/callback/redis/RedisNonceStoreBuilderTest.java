package io.github.vidu4j.callback.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.core.InvalidSettingException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * Bad settings are refused when the store is built, typed as every vidu4j builder's are, and named.
 * Connection settings are Jedis's, and checked by Jedis.
 */
class RedisNonceStoreBuilderTest {
  @Test
  void badSettingsAreTypedConfigurationErrorsThatNameTheSetting() {
    try (RedisClient unused = RedisClient.create("127.0.0.1", 1)) {
      assertThatThrownBy(() -> RedisNonceStore.builder(unused).keyPrefix(""))
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageContaining("keyPrefix")
          .extracting(e -> ((InvalidSettingException) e).setting())
          .isEqualTo("keyPrefix");
    }
    assertThatThrownBy(() -> RedisNonceStore.builder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("redis");
  }
}
