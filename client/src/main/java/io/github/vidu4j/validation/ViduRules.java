package io.github.vidu4j.validation;

import com.google.gson.JsonParser;
import io.github.vidu4j.core.ViduException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code openapi/vidu.yaml} says, read from the spec this release was built from
 * (vidu4j-generated carries it as JSON): every {@link GenerationOperation} with its fields, models
 * and limits, and the task list's page sizes and the default concurrency limit. The one reader of
 * the spec, so a rule changes in the spec alone (a model added to an operation's {@code
 * x-vidu-model-rules} is known after a rebuild with no Java edit); the task list, the CLI, the
 * batch engine and the sandbox read the limits and page sizes here. Immutable and thread-safe.
 *
 * <p>Sources in the spec: {@link GenerationOperation#all()} are the {@code POST}s tagged {@code
 * Generation}; {@link #images()} is {@code x-vidu-image-rules} of {@code ReferenceToImageRequest}
 * (the limits an operation without its own falls back to); the page sizes are {@code pager.pagesz}
 * of {@code GET /ent/v2/tasks}; {@link #defaultConcurrencyLimit()} is {@code x-vidu-default} of
 * {@code CreditBalance.concurrency_limit}.
 */
public final class ViduRules {
  /** Where vidu4j-generated puts the spec; not a package, so no module boundary hides it. */
  static final String RESOURCE = "META-INF/vidu4j/openapi.json";

  private static final ViduRules SPEC = load();

  private final Map<String, GenerationOperation> operations;
  private final GenerationOperation.Limits images;
  private final int defaultPageSize;
  private final int maxPageSize;
  private final int defaultConcurrencyLimit;

  ViduRules(
      Map<String, GenerationOperation> operations,
      GenerationOperation.Limits images,
      int defaultPageSize,
      int maxPageSize,
      int defaultConcurrencyLimit) {
    this.operations = Collections.unmodifiableMap(new LinkedHashMap<>(operations));
    this.images = images;
    this.defaultPageSize = defaultPageSize;
    this.maxPageSize = maxPageSize;
    this.defaultConcurrencyLimit = defaultConcurrencyLimit;
  }

  /** The rules of the spec this release was built from. */
  public static ViduRules spec() {
    return SPEC;
  }

  /** Public as {@link GenerationOperation#all()}. */
  Map<String, GenerationOperation> operations() {
    return operations;
  }

  /**
   * The image, prompt, payload and body limits of {@code reference2image}, which an operation
   * without {@code x-vidu-image-rules} of its own keeps; local image inputs are checked by them.
   */
  public GenerationOperation.Limits images() {
    return images;
  }

  /** Tasks a page of {@code GET /ent/v2/tasks} when {@code pager.pagesz} is absent. */
  public int defaultPageSize() {
    return defaultPageSize;
  }

  /** The largest {@code pager.pagesz}. */
  public int maxPageSize() {
    return maxPageSize;
  }

  /**
   * Tasks an organisation may have processing at once unless its credits response says otherwise
   * (its {@code concurrency_limit} is the real figure).
   */
  public int defaultConcurrencyLimit() {
    return defaultConcurrencyLimit;
  }

  @Override
  public String toString() {
    return "ViduRules" + operations.keySet();
  }

  private static ViduRules load() {
    try (InputStream in = ViduRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new ViduException(
            RESOURCE + " is missing from the class path (it comes with vidu4j-generated)");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return SpecReader.parse(JsonParser.parseReader(reader).getAsJsonObject());
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ViduException known) {
        throw known;
      }
      throw new ViduException(
          "cannot read the spec's rules from " + RESOURCE + ": " + e.getMessage(), e);
    }
  }
}
