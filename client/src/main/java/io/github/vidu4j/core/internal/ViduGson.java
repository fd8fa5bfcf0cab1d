package io.github.vidu4j.core.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * The one Gson configuration for the generated models. It replaces the generator's {@code JSON}
 * class: it reads {@code date-time} leniently and keeps every model's raw JSON (see {@link
 * io.github.vidu4j.core.RawJson}), so unknown fields and unknown values are never lost.
 */
public final class ViduGson {
  static final String MODEL_PACKAGE = "io.github.vidu4j.model.";

  private static final Gson GSON =
      new GsonBuilder()
          .disableHtmlEscaping()
          .registerTypeAdapter(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
          .registerTypeAdapterFactory(new RawJsonCapturingFactory())
          .create();

  private ViduGson() {}

  /** The shared, thread-safe Gson instance. */
  public static Gson gson() {
    return GSON;
  }

  /**
   * Reads {@code date-time} values: RFC 3339 with an offset (nanoseconds kept); without an offset
   * taken as UTC; anything else becomes {@code null} (the raw text stays in {@link
   * io.github.vidu4j.core.RawJson}) rather than failing the whole response.
   */
  static final class OffsetDateTimeAdapter extends TypeAdapter<OffsetDateTime> {
    @Override
    public void write(JsonWriter out, OffsetDateTime value) throws IOException {
      out.value(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
    }

    @Override
    public @Nullable OffsetDateTime read(JsonReader in) throws IOException {
      if (in.peek() != JsonToken.STRING) {
        in.skipValue();
        return null;
      }
      return parse(in.nextString());
    }

    static @Nullable OffsetDateTime parse(String text) {
      return DateTimes.parse(text);
    }
  }

  /**
   * The response being read on this thread, set by {@link #read(String, Type)} around one parse so
   * that every model read from it (nested ones too) can point into it. Empty outside those reads.
   */
  private static final ThreadLocal<RawJsonStore.@Nullable Source> READING = new ThreadLocal<>();

  /**
   * {@code json} read as {@code type}, every model in it remembering its place in {@code json} for
   * {@link io.github.vidu4j.core.RawJson}. As fast as plain Gson: the text is kept, not parsed
   * twice.
   */
  @SuppressWarnings("TypeParameterUnusedInFormals")
  public static <T> @Nullable T read(String json, Type type) {
    return read(RawJsonStore.Source.ofText(json), type);
  }

  /**
   * {@code json}, encoded in {@code charset}, read as {@code type} like {@link #read(String,
   * Type)}, decoded as it is parsed rather than first copied into a {@code String}. The array is
   * kept by the models for {@link io.github.vidu4j.core.RawJson}: nobody may change it afterwards.
   */
  @SuppressWarnings("TypeParameterUnusedInFormals")
  public static <T> @Nullable T read(byte[] json, Charset charset, Type type) {
    return read(RawJsonStore.Source.ofBytes(json, charset), type);
  }

  // T is inferred at the call site from a Type the caller built for it, as Gson's own fromJson
  // does.
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
  private static <T> @Nullable T read(RawJsonStore.Source json, Type type) {
    RawJsonStore.Source outer = READING.get();
    READING.set(json);
    try {
      return (T) GSON.fromJson(json.reader(), TypeToken.get(type));
    } finally {
      // set(null), not remove(): remove() sweeps the thread's map for stale entries on every
      // parse, a cost plain Gson does not have; the entry holds nothing once reset.
      READING.set(outer);
    }
  }

  /**
   * Wraps the reflective adapter of every generated model to remember the JSON it came from. Inside
   * {@link #read(String, Type)} that is a pointer into the text already held; a model read any
   * other way (a {@code Reader}, a tree) keeps a tree of its JSON, built once for it and its nested
   * models.
   */
  static final class RawJsonCapturingFactory implements TypeAdapterFactory {
    @Override
    public <T> @Nullable TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      Class<? super T> raw = type.getRawType();
      if (raw.isEnum() || !raw.getName().startsWith(MODEL_PACKAGE)) {
        return null;
      }
      TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
      TypeAdapter<JsonElement> trees = gson.getAdapter(JsonElement.class);
      return new TypeAdapter<T>() {
        @Override
        public void write(JsonWriter out, T value) throws IOException {
          delegate.write(out, value);
        }

        @Override
        public @Nullable T read(JsonReader in) throws IOException {
          RawJsonStore.Source source = READING.get();
          if (source == null) {
            JsonElement tree = trees.read(in);
            if (tree == null || tree.isJsonNull()) {
              return null;
            }
            RawJsonStore.Source own = RawJsonStore.Source.ofTree(tree);
            READING.set(own);
            try {
              T model = delegate.fromJsonTree(tree);
              if (model != null) {
                RawJsonStore.remember(model, own, "$");
              }
              return model;
            } finally {
              READING.remove();
            }
          }
          if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return null;
          }
          String path = in.getPath();
          T model = delegate.read(in);
          if (model != null) {
            RawJsonStore.remember(model, source, path);
          }
          return model;
        }
      };
    }
  }
}
