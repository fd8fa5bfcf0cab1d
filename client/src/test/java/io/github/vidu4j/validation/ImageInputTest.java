package io.github.vidu4j.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.validation.ImageInfo.Format;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageInputTest {
  @TempDir Path dir;

  static Stream<Arguments> supported() {
    return Stream.of(
        Arguments.of(
            "png", (Supplier<byte[]>) () -> TestImages.png(300, 200), Format.PNG, 300, 200),
        Arguments.of(
            "baseline jpeg",
            (Supplier<byte[]>) () -> TestImages.jpeg(640, 480),
            Format.JPEG,
            640,
            480),
        Arguments.of(
            "progressive jpeg",
            (Supplier<byte[]>) () -> TestImages.progressiveJpeg(200, 800),
            Format.JPEG,
            200,
            800),
        Arguments.of(
            "jpeg with 60 KB APP1",
            (Supplier<byte[]>) () -> TestImages.jpegWithApp1(256, 256, 60_000),
            Format.JPEG,
            256,
            256),
        Arguments.of(
            "webp VP8",
            (Supplier<byte[]>) () -> TestImages.webpVp8(1024, 768),
            Format.WEBP,
            1024,
            768),
        Arguments.of(
            "webp VP8L",
            (Supplier<byte[]>) () -> TestImages.webpVp8l(129, 500),
            Format.WEBP,
            129,
            500),
        Arguments.of(
            "webp VP8X",
            (Supplier<byte[]>) () -> TestImages.webpVp8x(4000, 1000),
            Format.WEBP,
            4000,
            1000));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("supported")
  void filesBecomeDataUrisTypedByContent(
      String kind, Supplier<byte[]> image, Format format, int width, int height) throws Exception {
    byte[] bytes = image.get();
    Path file = Files.write(dir.resolve("misnamed.bin"), bytes);

    ImageInput input = ImageInput.fromFile(file);

    assertThat(input.info())
        .get()
        .satisfies(
            info -> {
              assertThat(info.format()).isEqualTo(format);
              assertThat(info.width()).isEqualTo(width);
              assertThat(info.height()).isEqualTo(height);
            });
    assertThat(input.value())
        .isEqualTo(
            "data:" + format.mimeType() + ";base64," + Base64.getEncoder().encodeToString(bytes));
    RequestValidator.strict()
        .validate(
            new io.github.vidu4j.model.ReferenceToImageRequest()
                .model("viduq1")
                .prompt("p")
                .images(java.util.List.of(input.value())));
  }

  static Stream<Arguments> unsupported() {
    return Stream.of(
        Arguments.of(
            "gif",
            TestImages.imageIo("gif", 200, 200),
            "a GIF image; Vidu accepts image/png, image/jpeg or image/webp"),
        Arguments.of(
            "bmp",
            TestImages.imageIo("bmp", 200, 200),
            "a BMP image; Vidu accepts image/png, image/jpeg or image/webp"),
        Arguments.of(
            "tiff",
            TestImages.imageIo("tiff", 200, 200),
            "a TIFF image; Vidu accepts image/png, image/jpeg or image/webp"),
        Arguments.of(
            "heic",
            TestImages.heic(),
            "a HEIC/AVIF image (heic); Vidu accepts image/png, image/jpeg or image/webp"),
        Arguments.of(
            "svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"500\" height=\"500\"/>"
                .getBytes(StandardCharsets.UTF_8),
            "SVG/XML or HTML text; Vidu accepts image/png, image/jpeg or image/webp"),
        Arguments.of(
            "text renamed .png",
            "hello, I am not an image".getBytes(StandardCharsets.UTF_8),
            "not image/png, image/jpeg or image/webp, the formats Vidu accepts"),
        Arguments.of("empty", new byte[0], "empty"),
        Arguments.of(
            "truncated png",
            Arrays.copyOf(TestImages.png(200, 200), 20),
            "PNG header is truncated or has no IHDR chunk"),
        Arguments.of(
            "truncated jpeg",
            Arrays.copyOf(TestImages.jpeg(200, 200), 40),
            "JPEG header is truncated"),
        Arguments.of(
            "truncated webp",
            Arrays.copyOf(TestImages.webpVp8(200, 200), 25),
            "WebP header is truncated"),
        Arguments.of(
            "corrupt jpeg",
            corruptJpeg(),
            "JPEG has a corrupt segment structure (expected a marker, found 0x49)"),
        Arguments.of(
            "jpeg without frame",
            new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xda, 0, 2},
            "JPEG has no frame header before its image data"),
        Arguments.of(
            "webp VP8 without start code",
            breakStartCode(TestImages.webpVp8(300, 300)),
            "WebP VP8 frame has no start code"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsupported")
  void unsupportedOrBrokenContentIsRefusedNamingTheFile(String kind, byte[] bytes, String reason)
      throws Exception {
    Path file = Files.write(dir.resolve("photo.png"), bytes);

    assertThatThrownBy(() -> ImageInput.fromFile(file))
        .isInstanceOf(ViduValidationException.class)
        .hasMessage("images: image " + file + ": " + reason);
  }

  @Test
  void sizeLimitsAreExact() {
    assertThat(ImageInput.fromBytes(TestImages.png(128, 128), "a").info()).isPresent();
    assertThatThrownBy(() -> ImageInput.fromBytes(TestImages.png(127, 300), "narrow.png"))
        .hasMessage("images: image narrow.png: 127x300, under Vidu's minimum of 128x128");
    assertThat(ImageInput.fromBytes(TestImages.png(512, 128), "4to1").info()).isPresent();
    assertThat(ImageInput.fromBytes(TestImages.webpVp8x(128, 512), "1to4").info()).isPresent();
    assertThatThrownBy(() -> ImageInput.fromBytes(TestImages.webpVp8x(513, 128), "wide.webp"))
        .hasMessage(
            "images: image wide.webp: 513x128, more elongated than Vidu's 1:4 to 4:1 limit");
  }

  @Test
  void anImageWhoseBase64AlonePassesTheBodyLimitIsRefusedBeforeEncoding() throws Exception {
    Path big = dir.resolve("big.png");
    Files.write(big, TestImages.png(300, 300));
    try (var channel =
        java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.wrap(new byte[] {0}), 15_000_000);
    }
    assertThatThrownBy(() -> ImageInput.fromFile(big))
        .isInstanceOf(ViduValidationException.class)
        .hasMessage(
            "images: image "
                + big
                + ": 15,000,001 bytes; as base64 (20,000,004 bytes) with the rest of the request"
                + " it passes Vidu's 20 MB request limit (20,000,000 bytes) by at least 68 bytes; upload it somewhere and pass its URL instead");
  }

  @Test
  void anImageOverFiftyMegabytesSaysByHowMuch() throws Exception {
    Path huge = dir.resolve("huge.png");
    try (var channel =
        java.nio.channels.FileChannel.open(
            huge,
            java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE)) {
      channel.write(
          java.nio.ByteBuffer.wrap(new byte[] {0}), 50_000_000); // sparse: 50,000,001 bytes
    }
    assertThatThrownBy(() -> ImageInput.fromFile(huge))
        .hasMessage(
            "images: image "
                + huge
                + ": 50,000,001 bytes, 1 over Vidu's 50 MB limit per image (50,000,000 bytes)");
  }

  @Test
  void anOversizedStreamIsNamedAsTheOtherStreamMessagesAre() {
    InputStream big =
        new SequenceInputStream(
            new ByteArrayInputStream(TestImages.png(200, 200)), zeros(16_000_000));

    assertThatThrownBy(() -> ImageInput.fromStream(big, "image/png"))
        .hasMessage(
            "images: image stream (image/png): more than 14,999,952 bytes (reading stopped there), the most whose"
                + " base64 fits Vidu's 20 MB request limit (20,000,000 bytes) with the rest of the request;"
                + " upload it somewhere and pass its URL instead");
  }

  private static InputStream zeros(long count) {
    return new InputStream() {
      private long left = count;

      @Override
      public int read() {
        return left-- > 0 ? 0 : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        Arrays.fill(b, off, off + n, (byte) 0);
        left -= n;
        return n;
      }
    };
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("nope.png");
    assertThatThrownBy(() -> ImageInput.fromFile(missing))
        .hasMessage("images: image " + missing + ": no such file");
  }

  @Test
  void urlsAreKeptAsGivenAndMalformedOnesRefused() {
    assertThat(ImageInput.fromUrl("https://cdn.example.com/a%20b.png?x=1&x=2").value())
        .isEqualTo("https://cdn.example.com/a%20b.png?x=1&x=2");
    assertThatThrownBy(() -> ImageInput.fromUrl("https://cdn.example.com/a b.png"))
        .hasMessageStartingWith("images: not a valid URL");
    assertThatThrownBy(() -> ImageInput.fromUrl("ftp://example.com/a.png"))
        .hasMessage("images: must be an absolute http(s) URL, got ftp://example.com/a.png");
    assertThatThrownBy(() -> ImageInput.fromUrl("/tmp/a.png"))
        .hasMessage("images: must be an absolute http(s) URL, got /tmp/a.png");
    assertThatThrownBy(() -> ImageInput.fromUrl("https:///a.png"))
        .hasMessageContaining("must be an absolute http(s) URL");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://my_bucket.s3.amazonaws.com/a.png",
        "https://\u4f8b\u3048.jp/a.png",
        "https://xn--r8jz45g.jp/a.png",
        "http://[::1]:8080/a.png",
        "HTTPS://CDN.EXAMPLE.COM/A.PNG",
      })
  void hostsBrowsersAcceptAreAccepted(String url) {
    assertThat(ImageInput.fromUrl(url).value()).isEqualTo(url);
    assertThatCode(
            () ->
                RequestValidator.strict()
                    .validate(
                        new ReferenceToImageRequest()
                            .model("viduq2")
                            .prompt("x")
                            .images(List.of(url))
                            .callbackUrl(url)))
        .doesNotThrowAnyException();
  }

  @Test
  void urlsWithoutAUsableHostAreRefusedNamingThem() {
    assertThatThrownBy(() -> ImageInput.fromUrl("https:/a.png"))
        .hasMessage("images: must be an absolute http(s) URL with a host, got https:/a.png");
    assertThatThrownBy(() -> ImageInput.fromUrl("https://a..b/x.png"))
        .hasMessage("images: not a valid URL (bad host or port), got https://a..b/x.png");
    assertThatThrownBy(() -> ImageInput.fromUrl("https://example.com:99999/x.png"))
        .hasMessage(
            "images: not a valid URL (bad host or port), got https://example.com:99999/x.png");
  }

  @Test
  void streamsMustHoldTheDeclaredType() {
    byte[] png = TestImages.png(200, 200);
    assertThat(
            ImageInput.fromStream(new ByteArrayInputStream(png), "image/png; charset=binary")
                .value())
        .startsWith("data:image/png;base64,");
    assertThatThrownBy(() -> ImageInput.fromStream(new ByteArrayInputStream(png), "image/jpeg"))
        .hasMessage(
            "images: image stream (image/jpeg): content is image/png, not the declared image/jpeg");
    assertThatThrownBy(() -> ImageInput.fromStream(new ByteArrayInputStream(png), "image/gif"))
        .hasMessageContaining("content type must be image/png, image/jpeg or image/webp");
  }

  @Test
  void toStringNeverDumpsTheDataUri() {
    ImageInput input = ImageInput.fromBytes(TestImages.png(200, 200), "x");
    assertThat(input.toString())
        .isEqualTo("ImageInput{PNG 200x200, " + input.value().length() + " chars}");
  }

  private static byte[] corruptJpeg() {
    byte[] b = TestImages.jpeg(200, 200);
    // The JFIF APP0 segment's length now ends inside its own data.
    b[4] = 0;
    b[5] = 4;
    return b;
  }

  private static byte[] breakStartCode(byte[] webp) {
    webp[23] = 0;
    return webp;
  }
}
