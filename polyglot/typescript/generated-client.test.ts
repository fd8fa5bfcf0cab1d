// The TypeScript client generated from openapi/vidu.yaml (typescript-fetch), run against
// `vidu sandbox serve` with Node's own test runner. Needs VIDU_BASE_URL and VIDU_API_KEY (the bare
// key) and a sandbox started with `--unlisted-state scheduled`. Uses only the settings documented
// in openapi/README.md.
import { test } from "node:test";
import assert from "node:assert/strict";
import { deflateSync } from "node:zlib";
import {
  AccountApi,
  Configuration,
  ErrorResponseFromJSON,
  GenerationApi,
  ResponseError,
  TaskCreations,
  TasksApi,
} from "./vidu-api";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// TaskState is an open string in the spec: the values it lists, and any other Vidu sends.
const TaskState = { Created: "created", Success: "success", Failed: "failed" } as const;
const FINAL_STATES: readonly string[] = [TaskState.Success, TaskState.Failed];
const LISTED_STATES: readonly string[] = ["created", "queueing", "processing", "success", "failed"];
const POLL_DEADLINE_MS = 30_000;

function configuration(withScheme = true): Configuration {
  const key = process.env.VIDU_API_KEY ?? "";
  return new Configuration({
    basePath: process.env.VIDU_BASE_URL ?? "",
    apiKey: withScheme ? () => `Token ${key}` : key,
  });
}

const generation = new GenerationApi(configuration());
const tasks = new TasksApi(configuration());
const account = new AccountApi(configuration());

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function png(width: number, height: number): Buffer {
  const chunk = (kind: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(kind, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([PNG_SIGNATURE, chunk("IHDR", header), chunk("IDAT", pixels), chunk("IEND", Buffer.alloc(0))]);
}

function createTextToImage(prompt = "a red fox in the snow") {
  return generation.createReferenceToImage({
    referenceToImageRequest: { model: "viduq2", prompt, aspectRatio: "16:9", resolution: "1080p" },
  });
}

async function poll(id: string): Promise<{ task: TaskCreations; seen: string[] }> {
  const seen: string[] = [];
  const deadline = Date.now() + POLL_DEADLINE_MS;
  while (Date.now() < deadline) {
    const task = await tasks.getTaskCreations({ id });
    seen.push(task.state);
    if (FINAL_STATES.includes(task.state)) return { task, seen };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`task ${id} not final after ${POLL_DEADLINE_MS} ms; states seen: ${seen.join(", ")}`);
}

test("text-to-image polls to success and downloads a PNG", async () => {
  const created = await createTextToImage();
  assert.ok(created.taskId);
  assert.equal(created.state, TaskState.Created);
  const { task } = await poll(created.taskId);
  assert.equal(task.state, TaskState.Success);
  assert.equal(task.creations?.length, 1);
  const image = await fetch(task.creations![0].url!);
  assert.equal(image.status, 200);
  assert.deepEqual(Buffer.from(await image.arrayBuffer()).subarray(0, 8), PNG_SIGNATURE);
});

test("text-to-video polls to success and downloads an MP4", async () => {
  const created = await generation.createTextToVideo({
    textToVideoRequest: { model: "viduq2", prompt: "a red fox in the snow", duration: 1, resolution: "540p" },
  });
  assert.equal(created.state, TaskState.Created);
  assert.equal(created.duration, 1);
  const { task } = await poll(created.taskId);
  assert.equal(task.state, TaskState.Success);
  const video = await fetch(task.creations![0].url!);
  assert.equal(video.status, 200);
  assert.equal(Buffer.from(await video.arrayBuffer()).subarray(4, 8).toString("ascii"), "ftyp");
});

test("viduq1 with an image succeeds", async () => {
  const image = "data:image/png;base64," + png(160, 160).toString("base64");
  const created = await generation.createReferenceToImage({
    referenceToImageRequest: { model: "viduq1", images: [image], prompt: "the same, as a watercolour", aspectRatio: "1:1" },
  });
  assert.equal(created.model, "viduq1");
  assert.deepEqual(created.images, [image]);
  assert.equal((await poll(created.taskId)).task.state, TaskState.Success);
});

test("an unlisted state is kept and polling goes on", async () => {
  const created = await createTextToImage("a lighthouse");
  const first = await tasks.getTaskCreations({ id: created.taskId });
  assert.equal(first.state as string, "scheduled");
  assert.ok(!LISTED_STATES.includes(first.state));
  const { task, seen } = await poll(created.taskId);
  assert.equal(task.state, TaskState.Success, seen.join(", "));
});

test("list filters by creation time", async () => {
  const before = new Date(Date.now() - 5_000);
  const created = await createTextToImage("a paper boat");
  const listed = await tasks.listTasks({ createdAtFrom: before, createdAtTo: new Date(Date.now() + 5_000), pagerPagesz: 100 });
  assert.ok(listed.tasks?.some((t) => t.id === created.taskId));
  const later = await tasks.listTasks({ createdAtFrom: new Date(Date.now() + 3_600_000) });
  assert.ok(!(later.tasks ?? []).some((t) => t.id === created.taskId));
});

test("credits", async () => {
  const credits = await account.getCredits({ showDetail: true });
  const balances = credits.remains ?? credits.remainingCredits ?? [];
  assert.ok(balances.length >= 1);
  assert.equal(typeof balances[0].creditRemain, "number");
  assert.ok((balances[0].concurrencyLimit ?? 0) >= 1);
  assert.ok((credits.packages ?? []).length >= 1);
});

test("cancel ends the task failed as UserCancelled", async () => {
  const created = await createTextToImage("a cancelled fox");
  await tasks.cancelTask({ id: created.taskId, cancelTaskRequest: { id: created.taskId } });
  const { task } = await poll(created.taskId);
  assert.equal(task.state, TaskState.Failed);
  assert.equal(task.errCode, "UserCancelled");
});

async function errorOf(call: () => Promise<unknown>): Promise<{ status: number; reason: string }> {
  try {
    await call();
  } catch (e) {
    assert.ok(e instanceof ResponseError, `expected a ResponseError, got ${e}`);
    const body = ErrorResponseFromJSON(await e.response.json());
    return { status: e.response.status, reason: body.reason };
  }
  assert.fail("expected an error answer");
}

test("an error is a ResponseError whose body reads as ErrorResponse with its reason", async () => {
  assert.deepEqual(await errorOf(() => tasks.getTaskCreations({ id: "1" })), { status: 404, reason: "TaskNotFound" });
});

test("the bare key needs the documented Token scheme", async () => {
  const unprefixed = new AccountApi(configuration(false));
  assert.deepEqual(await errorOf(() => unprefixed.getCredits({})), { status: 401, reason: "Unauthorized" });
});
