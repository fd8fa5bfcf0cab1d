// The whole flow with the stock typescript-axios client generated from openapi/vidu.yaml alone.
import { isAxiosError } from "axios";
import { AccountApi, Configuration, GenerationApi, TasksApi, TaskCreations } from "./axios";
import { API_KEY, BASE_URL, EXTRA, UNLISTED, checkPng, png, sleep, step } from "./common";

async function main(): Promise<void> {
  const config = new Configuration({ basePath: BASE_URL, apiKey: `Token ${API_KEY}` });
  const generation = new GenerationApi(config), tasks = new TasksApi(config), account = new AccountApi(config);
  const before = new Date(Date.now() - 60_000).toISOString();
  const poll = async (id: string): Promise<[TaskCreations, string[]]> => {
    const seen: string[] = [];
    for (const end = Date.now() + 60_000; Date.now() < end; await sleep(200)) {
      const task = (await tasks.getTaskCreations(id)).data;
      seen.push(task.state);
      if (task.state === "success" || task.state === "failed") return [task, seen];
    }
    throw new Error(`task ${id} not final: ${seen}`);
  };

  const text = (await generation.createReferenceToImage({ model: "viduq2", prompt: "a red fox", resolution: "2K" })).data;
  step("create text-to-image", text.state === "created", text.task_id);
  step("unknown field kept", text[EXTRA] !== undefined, `${EXTRA}=${JSON.stringify(text[EXTRA])}`);
  const image = "data:image/png;base64," + png(160, 128).toString("base64");
  const withImage = (await generation.createReferenceToImage({ model: "viduq1", prompt: "watercolour", images: [image] })).data;
  step("create with an image", Boolean(withImage.task_id), withImage.task_id);
  for (const created of [text, withImage]) {
    const [task, seen] = await poll(created.task_id);
    step("poll through the unlisted state", seen[0] === UNLISTED && task.state === "success", seen);
    await checkPng(task.creations![0].url!);
  }
  const listed = (await tasks.listTasks(before, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 100)).data;
  step("list with created_at.from", (listed.tasks ?? []).some((t) => t.id === text.task_id), `${listed.tasks?.length} tasks`);
  const credits = (await account.getCredits(true)).data;
  step("credits", Boolean(credits.remains ?? credits.remaining_credits), "ok");
  const toCancel = (await generation.createReferenceToImage({ model: "viduq2", prompt: "cancel me" })).data;
  await tasks.cancelTask(toCancel.task_id, { id: toCancel.task_id });
  const [cancelled] = await poll(toCancel.task_id);
  step("cancel", cancelled.state === "failed" && cancelled.err_code === "UserCancelled", `${cancelled.state}/${cancelled.err_code}`);
  try {
    await tasks.getTaskCreations("1");
    step("typed 404", false, "no error");
  } catch (e) {
    if (!isAxiosError(e) || !e.response) throw e;
    step("typed 404", e.response.status === 404 && e.response.data.reason === "TaskNotFound", `${e.response.status} ${e.response.data.reason}`);
  }
}

main().catch((e) => step("flow", false, String(e)));
