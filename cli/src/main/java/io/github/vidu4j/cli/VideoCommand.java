package io.github.vidu4j.cli;

import io.github.vidu4j.Videos;
import io.github.vidu4j.validation.GenerationOperation;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code vidu video ...}: one subcommand per video operation of the spec, each a {@link
 * VideoCreate} named for its operation; the options and the work are shared.
 */
@Command(
    name = "video",
    description = "Create videos (MP4) from text, an image, start and end frames, or references.",
    subcommands = {
      VideoCommand.TextToVideo.class,
      VideoCommand.ImageToVideo.class,
      VideoCommand.StartEndToVideo.class,
      VideoCommand.ReferenceToVideo.class
    },
    mixinStandardHelpOptions = true)
final class VideoCommand {
  @ParentCommand ViduCli root;

  /** {@code vidu video text2video}. */
  @Command(name = "text2video", mixinStandardHelpOptions = true)
  static final class TextToVideo extends VideoCreate {
    TextToVideo() {
      super(Videos.TEXT_TO_VIDEO);
    }
  }

  /** {@code vidu video img2video}. */
  @Command(name = "img2video", mixinStandardHelpOptions = true)
  static final class ImageToVideo extends VideoCreate {
    ImageToVideo() {
      super(Videos.IMAGE_TO_VIDEO);
    }
  }

  /** {@code vidu video start-end2video}: exactly two {@code --image}, start then end. */
  @Command(name = "start-end2video", mixinStandardHelpOptions = true)
  static final class StartEndToVideo extends VideoCreate {
    StartEndToVideo() {
      super(Videos.START_END_TO_VIDEO);
    }
  }

  /** {@code vidu video reference2video} (images mode). */
  @Command(name = "reference2video", mixinStandardHelpOptions = true)
  static final class ReferenceToVideo extends VideoCreate {
    ReferenceToVideo() {
      super(Videos.REFERENCE_TO_VIDEO);
    }
  }

  /** The help text of {@code operation}'s command: its summary, fields and models from the spec. */
  static String[] description(GenerationOperation operation) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "POST "
            + operation.path()
            + ": the request is validated by the spec's rules first; invalid input exits 2 and"
            + " nothing is sent.");
    lines.add("Fields: " + String.join(", ", operation.fields().keySet()) + ".");
    lines.add("Models (durations, resolutions, aspect ratios, images, frame rate):");
    operation.models().values().forEach(m -> lines.add("  " + m.summary()));
    return lines.toArray(String[]::new);
  }
}
