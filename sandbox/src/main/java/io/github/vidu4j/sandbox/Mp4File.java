package io.github.vidu4j.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An MP4 (ISO base media file) with one H.264 video track: {@code ftyp}, then {@code moov} before
 * {@code mdat} so that a player can start before the whole file has arrived. All samples sit in one
 * chunk; the first is the only sync sample.
 */
final class Mp4File {
  private static final int[] IDENTITY = {0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000};
  private static final int MOVIE_TIMESCALE = 1000;
  private static final int TICKS_PER_FRAME = 100;

  private Mp4File() {}

  /** The file for {@code stream}, {@code width}×{@code height} at {@code fps}. */
  static byte[] of(H264Still.Stream stream, int width, int height, int fps) {
    List<byte[]> frames = stream.frames();
    int mediaTimescale = fps * TICKS_PER_FRAME;
    long mediaDuration = (long) frames.size() * TICKS_PER_FRAME;
    long movieDuration = mediaDuration * MOVIE_TIMESCALE / mediaTimescale;
    byte[] ftyp =
        box(
            "ftyp",
            w -> {
              w.writeBytes("isom");
              w.writeInt(0x200);
              w.writeBytes("isomiso2avc1mp41");
            });
    // The chunk offset depends on the size of moov, which does not depend on the offset.
    byte[] moov = moov(stream, width, height, mediaTimescale, mediaDuration, movieDuration, 0);
    long dataSize = 0;
    for (byte[] frame : frames) {
      dataSize += 4 + frame.length;
    }
    moov =
        moov(
            stream,
            width,
            height,
            mediaTimescale,
            mediaDuration,
            movieDuration,
            ftyp.length + moov.length + 8);
    ByteArrayOutputStream file =
        new ByteArrayOutputStream((int) (ftyp.length + moov.length + 8 + dataSize));
    file.writeBytes(ftyp);
    file.writeBytes(moov);
    DataOutputStream data = new DataOutputStream(file);
    try {
      data.writeInt((int) (8 + dataSize));
      data.writeBytes("mdat");
      for (byte[] frame : frames) {
        data.writeInt(frame.length);
        data.write(frame);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file.toByteArray();
  }

  private static byte[] moov(
      H264Still.Stream stream,
      int width,
      int height,
      int mediaTimescale,
      long mediaDuration,
      long movieDuration,
      long chunkOffset) {
    int count = stream.frames().size();
    byte[] mvhd =
        fullBox(
            "mvhd",
            0,
            w -> {
              w.writeInt(0); // creation_time
              w.writeInt(0); // modification_time
              w.writeInt(MOVIE_TIMESCALE);
              w.writeInt((int) movieDuration);
              w.writeInt(0x10000); // rate 1.0
              w.writeShort(0x100); // volume 1.0
              w.write(new byte[10]);
              matrix(w);
              w.write(new byte[24]);
              w.writeInt(2); // next_track_ID
            });
    byte[] tkhd =
        fullBox(
            "tkhd",
            3,
            w -> {
              w.writeInt(0);
              w.writeInt(0);
              w.writeInt(1); // track_ID
              w.writeInt(0);
              w.writeInt((int) movieDuration);
              w.write(new byte[8]);
              w.writeShort(0); // layer
              w.writeShort(0); // alternate_group
              w.writeShort(0); // volume: not audio
              w.writeShort(0);
              matrix(w);
              w.writeInt(width << 16);
              w.writeInt(height << 16);
            });
    byte[] mdhd =
        fullBox(
            "mdhd",
            0,
            w -> {
              w.writeInt(0);
              w.writeInt(0);
              w.writeInt(mediaTimescale);
              w.writeInt((int) mediaDuration);
              w.writeShort(0x55C4); // language "und"
              w.writeShort(0);
            });
    byte[] hdlr =
        fullBox(
            "hdlr",
            0,
            w -> {
              w.writeInt(0);
              w.writeBytes("vide");
              w.write(new byte[12]);
              w.write("VideoHandler\0".getBytes(StandardCharsets.US_ASCII));
            });
    byte[] vmhd = fullBox("vmhd", 1, w -> w.write(new byte[8]));
    byte[] dinf =
        box(
            "dinf",
            w ->
                w.write(
                    fullBox(
                        "dref",
                        0,
                        d -> {
                          d.writeInt(1);
                          d.write(fullBox("url ", 1, u -> {}));
                        })));
    byte[] stbl =
        box(
            "stbl",
            w -> {
              w.write(
                  fullBox(
                      "stsd",
                      0,
                      d -> {
                        d.writeInt(1);
                        d.write(avc1(stream, width, height));
                      }));
              w.write(
                  fullBox(
                      "stts",
                      0,
                      d -> {
                        d.writeInt(1);
                        d.writeInt(count);
                        d.writeInt(TICKS_PER_FRAME);
                      }));
              w.write(
                  fullBox(
                      "stss",
                      0,
                      d -> {
                        d.writeInt(1);
                        d.writeInt(1);
                      }));
              w.write(
                  fullBox(
                      "stsc",
                      0,
                      d -> {
                        d.writeInt(1);
                        d.writeInt(1);
                        d.writeInt(count);
                        d.writeInt(1);
                      }));
              w.write(
                  fullBox(
                      "stsz",
                      0,
                      d -> {
                        d.writeInt(0);
                        d.writeInt(count);
                        for (byte[] frame : stream.frames()) {
                          d.writeInt(4 + frame.length);
                        }
                      }));
              w.write(
                  fullBox(
                      "stco",
                      0,
                      d -> {
                        d.writeInt(1);
                        d.writeInt((int) chunkOffset);
                      }));
            });
    byte[] minf =
        box(
            "minf",
            w -> {
              w.write(vmhd);
              w.write(dinf);
              w.write(stbl);
            });
    byte[] mdia =
        box(
            "mdia",
            w -> {
              w.write(mdhd);
              w.write(hdlr);
              w.write(minf);
            });
    byte[] trak =
        box(
            "trak",
            w -> {
              w.write(tkhd);
              w.write(mdia);
            });
    return box(
        "moov",
        w -> {
          w.write(mvhd);
          w.write(trak);
        });
  }

  private static byte[] avc1(H264Still.Stream stream, int width, int height) {
    byte[] sps = stream.sps();
    byte[] pps = stream.pps();
    byte[] avcC =
        box(
            "avcC",
            w -> {
              w.writeByte(1); // configurationVersion
              w.writeByte(sps[1]); // profile
              w.writeByte(sps[2]); // compatibility
              w.writeByte(sps[3]); // level
              w.writeByte(0xFF); // 4-byte NAL lengths
              w.writeByte(0xE1); // one SPS
              w.writeShort(sps.length);
              w.write(sps);
              w.writeByte(1); // one PPS
              w.writeShort(pps.length);
              w.write(pps);
            });
    return box(
        "avc1",
        w -> {
          w.write(new byte[6]);
          w.writeShort(1); // data_reference_index
          w.write(new byte[16]);
          w.writeShort(width);
          w.writeShort(height);
          w.writeInt(0x480000); // 72 dpi
          w.writeInt(0x480000);
          w.writeInt(0);
          w.writeShort(1); // frame_count
          byte[] name = new byte[32];
          byte[] text = "vidu4j sandbox".getBytes(StandardCharsets.US_ASCII);
          name[0] = (byte) text.length;
          System.arraycopy(text, 0, name, 1, text.length);
          w.write(name);
          w.writeShort(0x18); // depth
          w.writeShort(-1);
          w.write(avcC);
        });
  }

  private static void matrix(DataOutputStream w) throws IOException {
    for (int value : IDENTITY) {
      w.writeInt(value);
    }
  }

  /** Writes a box's content. */
  private interface Content {
    void write(DataOutputStream out) throws IOException;
  }

  private static byte[] fullBox(String type, int flags, Content content) {
    return box(
        type,
        w -> {
          w.writeInt(flags); // version 0 and flags
          content.write(w);
        });
  }

  private static byte[] box(String type, Content content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    try {
      out.writeInt(0);
      out.writeBytes(type);
      content.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] box = bytes.toByteArray();
    int size = box.length;
    box[0] = (byte) (size >>> 24);
    box[1] = (byte) (size >>> 16);
    box[2] = (byte) (size >>> 8);
    box[3] = (byte) size;
    return box;
  }
}
