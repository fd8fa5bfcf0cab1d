package io.github.vidu4j.internal;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.vidu4j.validation.ImageInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.ByteString;

/**
 * A JSON body whose images are written as it is sent: a local file goes file bytes to base64 to the
 * socket in pieces ({@link ImageInput#writeValueTo}), so memory does not grow with the image. The
 * rest of the body (small) is written once up front. The length is computed before sending from the
 * file sizes, so the body-size rule is checked before any byte goes out and {@code Content-Length}
 * is exact; a file that changed size since it was checked fails the send rather than sending a body
 * of another length. Each send reads the files again, so a retry sends the same body.
 */
public final class StreamedJsonBody extends RequestBody {
  private final ByteString head;

  /**
   * Per image: its JSON string as bytes (a URL, escaped as Gson escapes it), or the local input.
   */
  private final List<Object> images;

  private final long length;

  private StreamedJsonBody(ByteString head, List<Object> images, long length) {
    this.head = head;
    this.images = images;
    this.length = length;
  }

  /**
   * {@code rest} (every field but {@code field}) followed by {@code field}: the images' values, a
   * JSON array of strings.
   */
  public static StreamedJsonBody of(JsonObject rest, String field, List<ImageInput> images) {
    if (rest.has(field)) {
      throw new IllegalArgumentException(field + " is written from the images");
    }
    Buffer head = new Buffer().write(JsonBody.of(rest).bytes());
    long restLength = head.size();
    // "{...}" without its closing brace, then the field's name and the array's opening.
    Buffer opened = new Buffer();
    opened.write(head, restLength - 1);
    if (restLength > 2) {
      opened.writeUtf8(",");
    }
    opened.write(JsonBody.of(new JsonPrimitive(field)).bytes());
    opened.writeUtf8(":[");
    long length = opened.size() + 2; // ]}
    List<Object> items = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      ImageInput image = images.get(i);
      length += i > 0 ? 1 : 0;
      if (image.info().isPresent()) {
        // A data URI: ASCII with nothing JSON escapes (base64 and "data:image/...;base64,").
        items.add(image);
        length += 2 + image.valueLength();
      } else {
        ByteString json = JsonBody.of(new JsonPrimitive(image.value())).bytes();
        items.add(json);
        length += json.size();
      }
    }
    return new StreamedJsonBody(opened.readByteString(), List.copyOf(items), length);
  }

  @Override
  public MediaType contentType() {
    return JsonBody.JSON;
  }

  @Override
  public long contentLength() {
    return length;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    sink.write(head);
    for (int i = 0; i < images.size(); i++) {
      if (i > 0) {
        sink.writeUtf8(",");
      }
      if (images.get(i) instanceof ByteString url) {
        sink.write(url);
      } else {
        sink.writeUtf8("\"");
        ((ImageInput) images.get(i)).writeValueTo(sink.outputStream());
        sink.writeUtf8("\"");
      }
    }
    sink.writeUtf8("]}");
    sink.emit();
  }
}
