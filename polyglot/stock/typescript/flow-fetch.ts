// The whole flow with the stock typescript-fetch client generated from openapi/vidu.yaml alone.
import { AccountApi, Configuration, GenerationApi, ResponseError, TasksApi, TaskCreations } from "./fetch";
import { API_KEY, BASE_URL, EXTRA, UNLISTED, checkPng, png, sleep, step } from "./common";

async function main(): Promise<void> {
  const config = new Configuration({ basePath: BASE_URL, apiKey: `Token ${API_KEY}` });
  const generation = new GenerationApi(config), tasks = new TasksApi(config), account = new AccountApi(config);
  const before = new Date(Date.now() - 60_000);
  const poll = async (id: string): Promise<[TaskCreations, string[]]> => {
    const seen: string[] = [];
    for (const end = Date.now() + 60_000; Date.now() < end; await sleep(200)) {
      const task = await tasks.getTaskCreations({ id });
      seen.push(task.state);
      if (task.state === "success" || task.state === "failed") return [task, seen];
    }
    throw new Error(`task ${id} not final: ${seen}`);
  };

  const text = await generation.createReferenceToImage({ referenceToImageRequest: { model: "viduq2", prompt: "a red fox", resolution: "2K" } });
  step("create text-to-image", text.state === "created", text.taskId);
  step("unknown field kept", text[EXTRA] !== undefined, `${EXTRA}=${JSON.stringify(text[EXTRA])}`);
  const image = "data:image/png;base64," + png(160, 128).toString("base64");
  const withImage = await generation.createReferenceToImage({ referenceToImageRequest: { model: "viduq1", prompt: "watercolour", images: [image] } });
  step("create with an image", Boolean(withImage.taskId), withImage.taskId);
  for (const created of [text, withImage]) {
    const [task, seen] = await poll(created.taskId);
    step("poll through the unlisted state", seen[0] === UNLISTED && task.state === "success", seen);
    await checkPng(task.creations![0].url!);
  }
  const listed = await tasks.listTasks({ createdAtFrom: before, pagerPagesz: 100 });
  step("list with created_at.from", (listed.tasks ?? []).some((t) => t.id === text.taskId), `${listed.tasks?.length} tasks`);
  const credits = await account.getCredits({ showDetail: true });
  step("credits", Boolean(credits.remains ?? credits.remainingCredits), "ok");
  const toCancel = await generation.createReferenceToImage({ referenceToImageRequest: { model: "viduq2", prompt: "cancel me" } });
  await tasks.cancelTask({ id: toCancel.taskId, cancelTaskRequest: { id: toCancel.taskId } });
  const [cancelled] = await poll(toCancel.taskId);
  step("cancel", cancelled.state === "failed" && cancelled.errCode === "UserCancelled", `${cancelled.state}/${cancelled.errCode}`);
  try {
    await tasks.getTaskCreations({ id: "1" });
    step("typed 404", false, "no error");
  } catch (e) {
    if (!(e instanceof ResponseError)) throw e;
    const body = await e.response.json();
    step("typed 404", e.response.status === 404 && body.reason === "TaskNotFound", `${e.response.status} ${body.reason}`);
  }
}

main().catch((e) => step("flow", false, String(e)));
