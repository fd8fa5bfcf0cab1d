package io.github.vidu4j.validation;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Image bytes made by the tests themselves: ImageIO for PNG/JPEG/GIF/BMP/TIFF, WebP by bytes. */
final class TestImages {
  private TestImages() {}

  static byte[] imageIo(String format, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] png(int width, int height) {
    return imageIo("png", width, height);
  }

  static byte[] jpeg(int width, int height) {
    return imageIo("jpeg", width, height);
  }

  static byte[] progressiveJpeg(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** A JPEG with a large APP1 (EXIF-like) segment before the frame header. */
  static byte[] jpegWithApp1(int width, int height, int app1Bytes) {
    byte[] plain = jpeg(width, height);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(plain, 0, 2);
    out.write(0xff);
    out.write(0xe1);
    out.write((app1Bytes + 2) >> 8);
    out.write((app1Bytes + 2) & 0xff);
    out.writeBytes(new byte[app1Bytes]);
    out.write(plain, 2, plain.length - 2);
    return out.toByteArray();
  }

  static byte[] webpVp8(int width, int height) {
    ByteBuffer chunk = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
    chunk.put(new byte[] {0x10, 0x02, 0x00, (byte) 0x9d, 0x01, 0x2a});
    chunk.putShort((short) width).putShort((short) height);
    return riff("VP8 ", chunk.array());
  }

  static byte[] webpVp8l(int width, int height) {
    long bits = (width - 1L) | (height - 1L) << 14;
    ByteBuffer chunk = ByteBuffer.allocate(5).order(ByteOrder.LITTLE_ENDIAN);
    chunk.put((byte) 0x2f).putInt((int) bits);
    return riff("VP8L", chunk.array());
  }

  static byte[] webpVp8x(int width, int height) {
    ByteBuffer chunk = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
    chunk.put(new byte[] {0, 0, 0, 0});
    put24(chunk, width - 1);
    put24(chunk, height - 1);
    return riff("VP8X", chunk.array());
  }

  private static void put24(ByteBuffer b, int v) {
    b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
  }

  private static byte[] riff(String fourcc, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(20 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + payload.length);
    b.put("WEBP".getBytes(StandardCharsets.US_ASCII));
    b.put(fourcc.getBytes(StandardCharsets.US_ASCII)).putInt(payload.length).put(payload);
    return b.array();
  }

  static byte[] heic() {
    byte[] b = new byte[32];
    System.arraycopy("\0\0\0\u0018ftypheic".getBytes(StandardCharsets.ISO_8859_1), 0, b, 0, 12);
    return b;
  }

  static String dataUri(String mime, byte[] bytes) {
    return "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(bytes);
  }
}
