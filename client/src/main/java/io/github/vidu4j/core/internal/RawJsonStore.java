package io.github.vidu4j.core.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.Reader;
import java.io.StringReader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.Charset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The JSON each model instance was read from, kept in the instance itself: every generated model
 * has a transient {@code vidu4jRawJson} field (added by the client's one template override). It
 * holds the response text and the model's path in it; the text is parsed into a tree only when
 * someone asks ({@code RawJson}), once per response, so reading a response costs what plain Gson
 * costs. No global map and no lock: the JSON lives and dies with the models read from it.
 */
public final class RawJsonStore {
  private static final String FIELD = "vidu4jRawJson";

  /** The field's handle per model class; empty for classes without it (not generated models). */
  private static final ClassValue<Optional<VarHandle>> HANDLES =
      new ClassValue<>() {
        @Override
        protected Optional<VarHandle> computeValue(Class<?> type) {
          try {
            return Optional.of(
                MethodHandles.privateLookupIn(type, MethodHandles.lookup())
                    .findVarHandle(type, FIELD, Object.class));
          } catch (NoSuchFieldException | IllegalAccessException | SecurityException e) {
            return Optional.empty();
          }
        }
      };

  private RawJsonStore() {}

  /** One response's JSON: the text or bytes as received, its tree built on first use. */
  static final class Source {
    private final @Nullable String text;
    private final byte @Nullable [] bytes;
    private final @Nullable Charset charset;
    private volatile @Nullable JsonElement tree;

    private Source(
        @Nullable String text,
        byte @Nullable [] bytes,
        @Nullable Charset charset,
        @Nullable JsonElement tree) {
      this.text = text;
      this.bytes = bytes;
      this.charset = charset;
      this.tree = tree;
    }

    static Source ofText(String text) {
      return new Source(text, null, null, null);
    }

    /** {@code bytes} is kept, not copied: nobody else may change it. */
    static Source ofBytes(byte[] bytes, Charset charset) {
      return new Source(null, bytes, charset, null);
    }

    static Source ofTree(JsonElement tree) {
      return new Source(null, null, null, tree);
    }

    Reader reader() {
      return text != null ? new StringReader(text) : new BytesReader(bytes, charset);
    }

    JsonElement tree() {
      JsonElement parsed = tree;
      if (parsed == null) {
        // Two threads may both parse; they build equal trees and either may be kept.
        parsed = JsonParser.parseReader(reader());
        tree = parsed;
      }
      return parsed;
    }
  }

  /** A model's place in its response: {@code $}, or a path such as {@code $.creations[1]}. */
  private record Ref(Source source, String path) {}

  static void remember(Object model, Source source, String path) {
    Optional<VarHandle> handle = HANDLES.get(model.getClass());
    if (handle.isPresent()) {
      handle.get().set(model, new Ref(source, path));
    }
  }

  /** The JSON {@code model} was read from, or {@code null} if it was built in code. */
  public static @Nullable JsonElement rawOf(Object model) {
    Optional<VarHandle> handle = HANDLES.get(model.getClass());
    if (handle.isEmpty()) {
      return null;
    }
    Object ref = handle.get().get(model);
    return ref instanceof Ref r ? at(r.source().tree(), r.path()) : null;
  }

  /**
   * Follows a path as {@code JsonReader.getPath()} writes it: {@code $}, then {@code .name} and
   * {@code [index]} steps.
   */
  private static @Nullable JsonElement at(JsonElement root, String path) {
    JsonElement current = root;
    int i = 1; // past '$'
    while (i < path.length() && current != null) {
      char c = path.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        current =
            current instanceof JsonObject object ? object.get(path.substring(i + 1, end)) : null;
        i = end;
      } else if (c == '[') {
        int end = path.indexOf(']', i);
        int index = Integer.parseInt(path.substring(i + 1, end));
        current =
            current instanceof JsonArray array && index < array.size() ? array.get(index) : null;
        i = end + 1;
      } else {
        return null;
      }
    }
    return current;
  }
}
