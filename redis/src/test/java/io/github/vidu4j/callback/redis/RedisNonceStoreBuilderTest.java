package io.github.vidu4j.callback.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.callback.CallbackConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Bad settings are refused when the store is built, typed like every other vidu4j error, and named.
 */
class RedisNonceStoreBuilderTest {
  @Test
  void badSettingsAreTypedConfigurationErrorsThatNameTheSetting() {
    assertThatThrownBy(() -> RedisNonceStore.builder().port(0))
        .isInstanceOf(CallbackConfigurationException.class)
        .hasMessageContaining("port")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> RedisNonceStore.builder().host(" "))
        .isInstanceOf(CallbackConfigurationException.class)
        .hasMessageContaining("host");
    assertThatThrownBy(() -> RedisNonceStore.builder().keyPrefix(""))
        .isInstanceOf(CallbackConfigurationException.class)
        .hasMessageContaining("keyPrefix");
    assertThatThrownBy(() -> RedisNonceStore.builder().commandTimeout(Duration.ofMinutes(5)))
        .isInstanceOf(CallbackConfigurationException.class)
        .hasMessageContaining("60 s");
  }
}
