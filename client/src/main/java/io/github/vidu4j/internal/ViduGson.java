package io.github.vidu4j.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.internal.bind.TypeAdapters;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The one Gson configuration for the generated models. It replaces the generator's {@code JSON}
 * class: it reads {@code date-time} leniently and keeps every model's raw JSON (see {@link
 * io.github.vidu4j.RawJson}), so unknown fields and unknown values are never lost.
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
   * io.github.vidu4j.RawJson}) rather than failing the whole response.
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
      try {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (DateTimeParseException withoutOffset) {
        try {
          return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
              .atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException unreadable) {
          return null;
        }
      }
    }
  }

  /** Wraps the reflective adapter of every generated model to remember the JSON it came from. */
  static final class RawJsonCapturingFactory implements TypeAdapterFactory {
    @Override
    public <T> @Nullable TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      Class<? super T> raw = type.getRawType();
      if (raw.isEnum() || !raw.getName().startsWith(MODEL_PACKAGE)) {
        return null;
      }
      TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
      return new TypeAdapter<T>() {
        @Override
        public void write(JsonWriter out, T value) throws IOException {
          delegate.write(out, value);
        }

        @Override
        public @Nullable T read(JsonReader in) throws IOException {
          JsonElement tree = TypeAdapters.JSON_ELEMENT.read(in);
          if (tree == null || tree.isJsonNull()) {
            return null;
          }
          T model = delegate.fromJsonTree(tree);
          if (model != null) {
            RawJsonStore.remember(model, tree);
          }
          return model;
        }
      };
    }
  }
}
