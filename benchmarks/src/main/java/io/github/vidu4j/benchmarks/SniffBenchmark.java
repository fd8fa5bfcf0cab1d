package io.github.vidu4j.benchmarks;

import io.github.vidu4j.validation.ImageInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The image header check on a 4096×2304 file, opened and read as a file stream (what {@code
 * ImageInput.fromFile} hands it), against ImageIO's own header read ({@code ImageReader.getWidth}
 * and {@code getHeight}, no pixels). ImageIO has no WebP reader, so WebP's raw baseline reads the
 * 30 header bytes and decodes the VP8X size by hand. Through {@link ImageInfo#read}, the sniffer's
 * public face.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SniffBenchmark {
  private Path png;
  private Path jpeg;
  private Path webp;
  private byte[] pngBytes;
  private byte[] jpegBytes;

  @Setup
  public void setUp() throws IOException {
    Path dir =
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "vidu4j-bench"));
    png = TestFiles.png(dir);
    jpeg = TestFiles.jpeg(dir);
    webp = TestFiles.webp(dir);
    ImageIO.setUseCache(false);
    pngBytes = Files.readAllBytes(png);
    jpegBytes = Files.readAllBytes(jpeg);
  }

  /** In memory, as {@code ImageInput} checks a file now: it reads it once and sniffs the bytes. */
  @Benchmark
  public ImageInfo oursSniffPngBytes() throws Exception {
    return ImageInfo.read(new ByteArrayInputStream(pngBytes)).orElseThrow();
  }

  @Benchmark
  public long rawSniffPngBytes() throws IOException {
    return imageIo(new ByteArrayInputStream(pngBytes));
  }

  @Benchmark
  public ImageInfo oursSniffJpegBytes() throws Exception {
    return ImageInfo.read(new ByteArrayInputStream(jpegBytes)).orElseThrow();
  }

  @Benchmark
  public long rawSniffJpegBytes() throws IOException {
    return imageIo(new ByteArrayInputStream(jpegBytes));
  }

  @Benchmark
  public ImageInfo oursSniffPng() throws Exception {
    return sniff(png);
  }

  @Benchmark
  public long rawSniffPng() throws IOException {
    return imageIo(png.toFile());
  }

  @Benchmark
  public ImageInfo oursSniffJpeg() throws Exception {
    return sniff(jpeg);
  }

  @Benchmark
  public long rawSniffJpeg() throws IOException {
    return imageIo(jpeg.toFile());
  }

  @Benchmark
  public ImageInfo oursSniffWebp() throws Exception {
    return sniff(webp);
  }

  @Benchmark
  public long rawSniffWebp() throws IOException {
    byte[] h = new byte[30];
    try (InputStream in = Files.newInputStream(webp)) {
      if (in.readNBytes(h, 0, 30) < 30 || h[12] != 'V' || h[15] != 'X') {
        throw new IOException("not VP8X");
      }
    }
    long w = ((h[24] & 0xff) | ((h[25] & 0xff) << 8) | ((h[26] & 0xff) << 16)) + 1L;
    long hh = ((h[27] & 0xff) | ((h[28] & 0xff) << 8) | ((h[29] & 0xff) << 16)) + 1L;
    return w << 32 | hh;
  }

  private static ImageInfo sniff(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return ImageInfo.read(in).orElseThrow();
    }
  }

  private static long imageIo(Object source) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(source)) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return (long) reader.getWidth(0) << 32 | reader.getHeight(0);
      } finally {
        reader.dispose();
      }
    }
  }
}
