package io.github.vidu4j.benchmarks;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Image files the benchmarks read, written once per run into a temporary folder. */
public final class TestFiles {
  private TestFiles() {}

  /** A real 4096×2304 PNG (ImageIO's encoder). */
  public static Path png(Path dir) throws IOException {
    Path file = dir.resolve("4096x2304.png");
    if (!Files.exists(file)) {
      ImageIO.write(
          new BufferedImage(4096, 2304, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    }
    return file;
  }

  /**
   * A real 4096×2304 JPEG with a 16 KB EXIF segment in front, as cameras and phones write them, so
   * a header check walks past it to the frame header.
   */
  public static Path jpeg(Path dir) throws IOException {
    Path file = dir.resolve("4096x2304.jpg");
    if (!Files.exists(file)) {
      ByteArrayOutputStream encoded = new ByteArrayOutputStream();
      ImageIO.write(new BufferedImage(4096, 2304, BufferedImage.TYPE_INT_RGB), "jpeg", encoded);
      byte[] jpeg = encoded.toByteArray();
      int exifLength = 16 * 1024;
      ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + exifLength);
      out.put(jpeg, 0, 2); // SOI
      out.put((byte) 0xff)
          .put((byte) 0xe1)
          .putShort((short) exifLength)
          .put("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.put(new byte[exifLength - 2 - 6]);
      out.put(jpeg, 2, jpeg.length - 2);
      Files.write(file, out.array());
    }
    return file;
  }

  /**
   * A 4096×2304 WebP header (VP8X) followed by filler: header checks read only the first 30 bytes.
   */
  public static Path webp(Path dir) throws IOException {
    Path file = dir.resolve("4096x2304.webp");
    if (!Files.exists(file)) {
      ByteBuffer b = ByteBuffer.allocate(64 * 1024).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
          .putInt(b.capacity() - 8)
          .put("WEBPVP8X".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
          .putInt(10)
          .put((byte) 0)
          .put(new byte[3]);
      int w = 4096 - 1;
      int h = 2304 - 1;
      b.put((byte) w)
          .put((byte) (w >> 8))
          .put((byte) (w >> 16))
          .put((byte) h)
          .put((byte) (h >> 8))
          .put((byte) (h >> 16));
      Files.write(file, b.array());
    }
    return file;
  }

  /**
   * A PNG of {@code bytes} bytes, 4096×2304 by its header, incompressible: a valid signature and
   * IHDR, then one IDAT of random bytes. Only headers are ever decoded, so pixels need not be.
   */
  public static Path largePng(Path dir, int bytes) throws IOException {
    Path file = dir.resolve("large-" + bytes + ".png");
    if (!Files.exists(file)) {
      ByteBuffer b = ByteBuffer.allocate(bytes);
      b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      chunk(
          b,
          "IHDR",
          ByteBuffer.allocate(13)
              .putInt(4096)
              .putInt(2304)
              .put((byte) 8)
              .put((byte) 2)
              .put(new byte[3])
              .array());
      byte[] data = new byte[bytes - b.position() - 12 - 12];
      new Random(42).nextBytes(data);
      chunk(b, "IDAT", data);
      chunk(b, "IEND", new byte[0]);
      Files.write(file, b.array());
    }
    return file;
  }

  private static void chunk(ByteBuffer out, String type, byte[] data) {
    byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.putInt(data.length).put(name).put(data).putInt((int) crc.getValue());
  }
}
