package io.github.vidu4j.internal;

import com.google.gson.JsonElement;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Remembers the JSON each model instance was read from, keyed by identity and held weakly: the
 * entry goes away with the model. Generated models override {@code equals}, so a {@code
 * WeakHashMap} would mix up equal instances.
 */
public final class RawJsonStore {
  private static final Map<IdentityKey, JsonElement> RAW = new HashMap<>();
  private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();

  private RawJsonStore() {}

  static synchronized void remember(Object model, JsonElement json) {
    expungeCollected();
    RAW.put(new IdentityKey(model, COLLECTED), json);
  }

  /** The JSON {@code model} was read from, or {@code null} if it was built in code. */
  public static synchronized @Nullable JsonElement rawOf(Object model) {
    expungeCollected();
    return RAW.get(new IdentityKey(model, null));
  }

  private static void expungeCollected() {
    for (Object key; (key = COLLECTED.poll()) != null; ) {
      RAW.remove(key);
    }
  }

  private static final class IdentityKey extends WeakReference<Object> {
    private final int hash;

    IdentityKey(Object referent, @Nullable ReferenceQueue<Object> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      if (this == other) {
        return true;
      }
      if (!(other instanceof IdentityKey)) {
        return false;
      }
      Object mine = get();
      return mine != null && mine == ((IdentityKey) other).get();
    }
  }
}
