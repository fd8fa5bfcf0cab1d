package io.github.vidu4j.sandbox;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;

/**
 * Result sizes and the PNG the sandbox renders for a task: a seeded picture with the prompt written
 * on it.
 */
final class ResultImages {
  private ResultImages() {}

  /**
   * The short side for a resolution (1080p: 1080, 2K: 1440, 4K: 2160; any {@code <n>p}: n). Vidu
   * does not publish pixel sizes; these are the usual meanings of the names.
   */
  static int shortSide(String resolution) {
    String name = resolution.toUpperCase(Locale.ROOT);
    if (name.matches("[1-9][0-9]{2,3}P")) {
      return Integer.parseInt(name.substring(0, name.length() - 1)); // video: 360p, 540p, 720p
    }
    return switch (name) {
      case "2K" -> 1440;
      case "4K" -> 2160;
      default -> 1080;
    };
  }

  /** Width and height for a ratio {@code w:h} and a resolution, each rounded to an even number. */
  static int[] size(double ratioWidth, double ratioHeight, String resolution) {
    int base = shortSide(resolution);
    if (ratioWidth >= ratioHeight) {
      return new int[] {even(base * ratioWidth / ratioHeight), base};
    }
    return new int[] {base, even(base * ratioHeight / ratioWidth)};
  }

  /** Parses {@code "16:9"} into {16, 9}; null for anything else (such as {@code auto}). */
  static double @Nullable [] ratio(String aspectRatio) {
    String[] parts = aspectRatio.split(":");
    if (parts.length != 2) {
      return null;
    }
    try {
      return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int even(double v) {
    int n = (int) Math.round(v);
    return n % 2 == 0 ? n : n + 1;
  }

  /** A PNG of {@code width}×{@code height}, the same bytes for the same arguments. */
  static byte[] render(int width, int height, int seed, String prompt, String caption) {
    BufferedImage image = picture(width, height, seed, prompt, caption);
    ByteArrayOutputStream png = new ByteArrayOutputStream(width * height / 4);
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }

  /** The picture {@link #render} encodes, also a video's frames and its cover. */
  static BufferedImage picture(int width, int height, int seed, String prompt, String caption) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      Random random = new Random(seed);
      Color from = Color.getHSBColor(random.nextFloat(), 0.55f, 0.95f);
      Color to = Color.getHSBColor(random.nextFloat(), 0.65f, 0.45f);
      g.setPaint(new GradientPaint(0, 0, from, width, height, to));
      g.fillRect(0, 0, width, height);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      int shortSide = Math.min(width, height);
      for (int i = 0; i < 7; i++) {
        g.setComposite(
            AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.18f + 0.2f * random.nextFloat()));
        g.setColor(Color.getHSBColor(random.nextFloat(), 0.5f, 1f));
        int d = (int) (shortSide * (0.15 + 0.45 * random.nextFloat()));
        g.fillOval(random.nextInt(width) - d / 2, random.nextInt(height) - d / 2, d, d);
      }
      g.setComposite(AlphaComposite.SrcOver);
      writeText(g, width, height, prompt, caption);
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void writeText(
      Graphics2D g, int width, int height, String prompt, String caption) {
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      int size = Math.max(14, Math.min(width, height) / 16);
      Font font = new Font(Font.SANS_SERIF, Font.BOLD, size);
      g.setFont(font);
      FontMetrics metrics = g.getFontMetrics();
      int margin = size;
      List<String> lines = wrap(prompt, metrics, width - 2 * margin, 5);
      int lineHeight = metrics.getHeight();
      int boxHeight = lineHeight * lines.size() + lineHeight;
      int top = height - boxHeight - margin;
      g.setColor(new Color(0, 0, 0, 140));
      g.fillRoundRect(
          margin / 2, top - lineHeight / 2, width - margin, boxHeight + lineHeight / 2, size, size);
      g.setColor(Color.WHITE);
      int y = top + metrics.getAscent();
      for (String line : lines) {
        g.drawString(line, margin, y);
        y += lineHeight;
      }
      g.setFont(font.deriveFont(Font.PLAIN, size * 0.45f));
      g.setColor(new Color(255, 255, 255, 200));
      g.drawString(caption, margin, y + lineHeight / 4);
    } catch (RuntimeException | InternalError | LinkageError e) {
      // A machine without fonts still gets a correct picture, only without the writing.
    }
  }

  private static List<String> wrap(String text, FontMetrics metrics, int maxWidth, int maxLines) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    boolean truncated = false;
    for (String word : text.strip().split("\\s+")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (metrics.stringWidth(candidate) <= maxWidth || line.length() == 0) {
        line.setLength(0);
        line.append(candidate);
      } else {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      }
      if (lines.size() == maxLines) {
        truncated = true;
        break;
      }
    }
    if (lines.size() < maxLines && line.length() > 0) {
      lines.add(line.toString());
    }
    if (truncated) {
      lines.set(maxLines - 1, lines.get(maxLines - 1) + " …");
    }
    return lines;
  }
}
