// Helpers shared by the typescript-fetch and typescript-axios flows.
import { deflateSync, crc32 } from "node:zlib";

export const UNLISTED = process.env.FLOW_UNLISTED_STATE ?? "";
export const EXTRA = process.env.FLOW_EXTRA_FIELD ?? "";
export const BASE_URL = process.env.VIDU_BASE_URL ?? "";
export const API_KEY = process.env.VIDU_API_KEY ?? "";

export function step(name: string, ok: boolean, detail: unknown): void {
  console.log(`${ok ? "PASS" : "FAIL"} ${name}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
  if (!ok) process.exit(1);
}

function chunk(kind: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(kind, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

export function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.alloc(height * (1 + width * 3)))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export async function checkPng(url: string): Promise<void> {
  const body = Buffer.from(await (await fetch(url)).arrayBuffer());
  const width = body.readUInt32BE(16);
  step("download a PNG", body.subarray(0, 8).equals(png(1, 1).subarray(0, 8)) && width > 0, `${width}x${body.readUInt32BE(20)}`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
