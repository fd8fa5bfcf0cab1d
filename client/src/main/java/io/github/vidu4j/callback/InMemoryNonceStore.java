package io.github.vidu4j.callback;

import io.github.vidu4j.core.InvalidSettingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nonces in insertion order with their expiry; one lock, since each call does O(1) amortised work.
 */
final class InMemoryNonceStore implements NonceStore {
  private final int maxEntries;
  private final LinkedHashMap<String, Instant> expiries = new LinkedHashMap<>();

  InMemoryNonceStore(int maxEntries) {
    if (maxEntries < 1) {
      throw new InvalidSettingException("maxEntries", "must be at least 1, got " + maxEntries);
    }
    this.maxEntries = maxEntries;
  }

  @Override
  public synchronized boolean markIfNew(String nonce, Instant now, Duration ttl) {
    Instant seen = expiries.get(nonce);
    if (seen != null && seen.isAfter(now)) {
      return false;
    }
    if (seen != null) {
      expiries.remove(nonce);
    }
    Iterator<Map.Entry<String, Instant>> oldest = expiries.entrySet().iterator();
    while (oldest.hasNext()) {
      Map.Entry<String, Instant> entry = oldest.next();
      if (entry.getValue().isAfter(now) && expiries.size() < maxEntries) {
        break;
      }
      oldest.remove();
    }
    expiries.put(nonce, now.plus(ttl));
    return true;
  }

  synchronized int size() {
    return expiries.size();
  }

  @Override
  public String toString() {
    return "NonceStore.inMemory(" + maxEntries + ")";
  }
}
