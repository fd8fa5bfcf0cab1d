package io.github.vidu4j.sandbox;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal H.264 (Baseline profile, CAVLC) encoder for a still picture held for a number of
 * frames: one IDR frame whose macroblocks are all {@code I_PCM} (the picture's samples, uncoded),
 * then P frames made of skipped macroblocks only, which repeat it. Any H.264 decoder plays it; it
 * costs a copy of the picture's samples, no transform or motion search, so a 1080p clip of any
 * length is built in milliseconds. Sizes that are not multiples of 16 are padded and cropped in the
 * SPS.
 */
final class H264Still {
  private static final int PROFILE_BASELINE = 66;
  private static final int LOG2_MAX_FRAME_NUM = 16;
  private static final int MB_TYPE_I_PCM = 25;
  private static final int SLICE_TYPE_P_ALL = 5;
  private static final int SLICE_TYPE_I_ALL = 7;

  /** The stream: SPS and PPS (for the container's {@code avcC}) and one NAL unit per frame. */
  record Stream(byte[] sps, byte[] pps, List<byte[]> frames) {}

  private H264Still() {}

  /**
   * {@code picture} as {@code frameCount} frames at {@code fps}.
   *
   * @param picture the picture; its size is the video's
   * @param fps frames per second, written to the SPS's timing information
   * @param frameCount at least 1
   */
  static Stream encode(BufferedImage picture, int fps, int frameCount) {
    int width = picture.getWidth();
    int height = picture.getHeight();
    int mbWidth = (width + 15) / 16;
    int mbHeight = (height + 15) / 16;
    byte[] sps = nal(3, 7, sps(width, height, mbWidth, mbHeight, fps));
    byte[] pps = nal(3, 8, pps());
    List<byte[]> frames = new ArrayList<>(frameCount);
    frames.add(nal(3, 5, idrSlice(picture, mbWidth, mbHeight)));
    for (int n = 1; n < frameCount; n++) {
      frames.add(nal(2, 1, skipSlice(n, mbWidth * mbHeight)));
    }
    return new Stream(sps, pps, frames);
  }

  private static byte[] sps(int width, int height, int mbWidth, int mbHeight, int fps) {
    Bits b = new Bits(64);
    b.u(8, PROFILE_BASELINE);
    b.u(8, 0xC0); // constraint_set0 and set1: constrained baseline, which this stream is
    b.u(8, mbWidth * mbHeight <= 8192 ? 40 : 51); // level 4.0 covers 1080p
    b.ue(0); // seq_parameter_set_id
    b.ue(LOG2_MAX_FRAME_NUM - 4);
    b.ue(2); // pic_order_cnt_type 2: output order is decoding order
    b.ue(1); // max_num_ref_frames
    b.u(1, 0); // gaps_in_frame_num_value_allowed_flag
    b.ue(mbWidth - 1);
    b.ue(mbHeight - 1);
    b.u(1, 1); // frame_mbs_only_flag
    b.u(1, 1); // direct_8x8_inference_flag
    int cropRight = (mbWidth * 16 - width) / 2;
    int cropBottom = (mbHeight * 16 - height) / 2;
    boolean crop = cropRight != 0 || cropBottom != 0;
    b.u(1, crop ? 1 : 0);
    if (crop) {
      b.ue(0);
      b.ue(cropRight);
      b.ue(0);
      b.ue(cropBottom);
    }
    b.u(1, 1); // vui_parameters_present_flag
    b.u(1, 0); // aspect_ratio_info_present_flag
    b.u(1, 0); // overscan_info_present_flag
    b.u(1, 0); // video_signal_type_present_flag
    b.u(1, 0); // chroma_loc_info_present_flag
    b.u(1, 1); // timing_info_present_flag
    b.u(32, 1); // num_units_in_tick
    b.u(32, 2L * fps); // time_scale: two ticks a frame
    b.u(1, 1); // fixed_frame_rate_flag
    b.u(1, 0); // nal_hrd_parameters_present_flag
    b.u(1, 0); // vcl_hrd_parameters_present_flag
    b.u(1, 0); // pic_struct_present_flag
    b.u(1, 0); // bitstream_restriction_flag
    b.trailing();
    return b.toByteArray();
  }

  private static byte[] pps() {
    Bits b = new Bits(16);
    b.ue(0); // pic_parameter_set_id
    b.ue(0); // seq_parameter_set_id
    b.u(1, 0); // entropy_coding_mode_flag: CAVLC
    b.u(1, 0); // bottom_field_pic_order_in_frame_present_flag
    b.ue(0); // num_slice_groups_minus1
    b.ue(0); // num_ref_idx_l0_default_active_minus1
    b.ue(0); // num_ref_idx_l1_default_active_minus1
    b.u(1, 0); // weighted_pred_flag
    b.u(2, 0); // weighted_bipred_idc
    b.se(0); // pic_init_qp_minus26
    b.se(0); // pic_init_qs_minus26
    b.se(0); // chroma_qp_index_offset
    b.u(1, 1); // deblocking_filter_control_present_flag
    b.u(1, 0); // constrained_intra_pred_flag
    b.u(1, 0); // redundant_pic_cnt_present_flag
    b.trailing();
    return b.toByteArray();
  }

  private static byte[] idrSlice(BufferedImage picture, int mbWidth, int mbHeight) {
    int width = picture.getWidth();
    int height = picture.getHeight();
    int[] rgb = picture.getRGB(0, 0, width, height, null, 0, width);
    Bits b = new Bits(mbWidth * mbHeight * 390 + 64);
    b.ue(0); // first_mb_in_slice
    b.ue(SLICE_TYPE_I_ALL);
    b.ue(0); // pic_parameter_set_id
    b.u(LOG2_MAX_FRAME_NUM, 0); // frame_num
    b.ue(0); // idr_pic_id
    b.u(1, 0); // no_output_of_prior_pics_flag
    b.u(1, 0); // long_term_reference_flag
    b.se(0); // slice_qp_delta
    b.ue(1); // disable_deblocking_filter_idc: off
    byte[] block = new byte[384];
    for (int mbY = 0; mbY < mbHeight; mbY++) {
      for (int mbX = 0; mbX < mbWidth; mbX++) {
        b.ue(MB_TYPE_I_PCM);
        b.alignWithZeros();
        samples(rgb, width, height, mbX * 16, mbY * 16, block);
        b.bytes(block);
      }
    }
    b.trailing();
    return b.toByteArray();
  }

  /**
   * One macroblock's samples, BT.601 limited range: 256 luma, then 64 Cb and 64 Cr (each the mean
   * of a 2x2 block). Pixels beyond the picture repeat its edge. Never 0: early versions of the
   * standard forbid a zero PCM sample.
   */
  private static void samples(int[] rgb, int width, int height, int x0, int y0, byte[] block) {
    int[] cb = new int[64];
    int[] cr = new int[64];
    for (int y = 0; y < 16; y++) {
      int row = Math.min(y0 + y, height - 1) * width;
      for (int x = 0; x < 16; x++) {
        int p = rgb[row + Math.min(x0 + x, width - 1)];
        int r = (p >> 16) & 0xFF;
        int g = (p >> 8) & 0xFF;
        int bl = p & 0xFF;
        block[y * 16 + x] = (byte) clamp(16 + ((66 * r + 129 * g + 25 * bl + 128) >> 8));
        int c = (y / 2) * 8 + x / 2;
        cb[c] += 128 + ((-38 * r - 74 * g + 112 * bl + 128) >> 8);
        cr[c] += 128 + ((112 * r - 94 * g - 18 * bl + 128) >> 8);
      }
    }
    for (int i = 0; i < 64; i++) {
      block[256 + i] = (byte) clamp((cb[i] + 2) / 4);
      block[320 + i] = (byte) clamp((cr[i] + 2) / 4);
    }
  }

  private static int clamp(int v) {
    return Math.max(1, Math.min(255, v));
  }

  private static byte[] skipSlice(int frameNum, int macroblocks) {
    Bits b = new Bits(32);
    b.ue(0); // first_mb_in_slice
    b.ue(SLICE_TYPE_P_ALL);
    b.ue(0); // pic_parameter_set_id
    b.u(LOG2_MAX_FRAME_NUM, frameNum % (1 << LOG2_MAX_FRAME_NUM));
    b.u(1, 0); // num_ref_idx_active_override_flag
    b.u(1, 0); // ref_pic_list_modification_flag_l0
    b.u(1, 0); // adaptive_ref_pic_marking_mode_flag: sliding window
    b.se(0); // slice_qp_delta
    b.ue(1); // disable_deblocking_filter_idc
    b.ue(macroblocks); // mb_skip_run: every macroblock
    b.trailing();
    return b.toByteArray();
  }

  /** A NAL unit: its header byte, then the payload with emulation-prevention bytes inserted. */
  private static byte[] nal(int refIdc, int type, byte[] rbsp) {
    byte[] out = new byte[1 + rbsp.length + rbsp.length / 2 + 1];
    out[0] = (byte) ((refIdc << 5) | type);
    int n = 1;
    int zeros = 0;
    for (byte value : rbsp) {
      if (zeros == 2 && (value & 0xFF) <= 3) {
        out[n++] = 3;
        zeros = 0;
      }
      out[n++] = value;
      zeros = value == 0 ? zeros + 1 : 0;
    }
    return Arrays.copyOf(out, n);
  }

  /** A big-endian bit writer with Exp-Golomb codes. */
  private static final class Bits {
    private final ByteArrayOutputStream out;
    private int current;
    private int count;

    Bits(int capacity) {
      out = new ByteArrayOutputStream(capacity);
    }

    void u(int bits, long value) {
      for (int i = bits - 1; i >= 0; i--) {
        bit((int) (value >>> i) & 1);
      }
    }

    void ue(long value) {
      long coded = value + 1;
      int length = 64 - Long.numberOfLeadingZeros(coded);
      u(length - 1, 0);
      u(length, coded);
    }

    void se(long value) {
      ue(value <= 0 ? -2 * value : 2 * value - 1);
    }

    void bit(int value) {
      current = (current << 1) | value;
      if (++count == 8) {
        out.write(current);
        current = 0;
        count = 0;
      }
    }

    void alignWithZeros() {
      while (count != 0) {
        bit(0);
      }
    }

    void bytes(byte[] data) {
      out.write(data, 0, data.length);
    }

    void trailing() {
      bit(1);
      alignWithZeros();
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }
  }
}
