package io.github.vidu4j.sandbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The top-level box types of an MP4, checking that their sizes add up to the file's. */
final class Mp4Boxes {
  private Mp4Boxes() {}

  static List<String> topLevel(byte[] file) {
    List<String> types = new ArrayList<>();
    ByteBuffer buffer = ByteBuffer.wrap(file);
    int at = 0;
    while (at < file.length) {
      long size = Integer.toUnsignedLong(buffer.getInt(at));
      types.add(new String(file, at + 4, 4, StandardCharsets.US_ASCII));
      if (size < 8 || at + size > file.length) {
        throw new AssertionError("box " + types.get(types.size() - 1) + " overruns the file");
      }
      at += (int) size;
    }
    return types;
  }
}
