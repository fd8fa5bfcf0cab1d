"""The whole flow with the stock Python client generated from openapi/vidu.yaml alone, against
`vidu sandbox serve --unlisted-state scheduled --extra-field ...`. Prints one line per step and
exits non-zero on the first failure."""

import base64
import os
import struct
import sys
import time
import urllib.request
import zlib
from datetime import datetime, timedelta, timezone

import importlib

# openapi_client (the generator's default), or the kit's vidu_api
vidu = importlib.import_module(os.environ.get("FLOW_PYTHON_PACKAGE", "openapi_client"))

UNLISTED, EXTRA = os.environ["FLOW_UNLISTED_STATE"], os.environ["FLOW_EXTRA_FIELD"]


def step(name, ok, detail):
    print(("PASS " if ok else "FAIL ") + f"{name}: {detail}", flush=True)
    if not ok:
        sys.exit(1)


def png(width, height):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"\x00" * (height * (1 + width * 3))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


config = vidu.Configuration(host=os.environ["VIDU_BASE_URL"], api_key={"TokenAuth": os.environ["VIDU_API_KEY"]},
                            api_key_prefix={"TokenAuth": "Token"})
client = vidu.ApiClient(config)
generation, tasks, account = vidu.GenerationApi(client), vidu.TasksApi(client), vidu.AccountApi(client)
before = datetime.now(timezone.utc) - timedelta(minutes=1)


def poll(task_id):
    seen, deadline = [], time.monotonic() + 60
    while time.monotonic() < deadline:
        task = tasks.get_task_creations(task_id)
        seen.append(task.state)
        if task.state in ("success", "failed"):
            return task, seen
        time.sleep(0.2)
    step("poll " + task_id, False, seen)


text = generation.create_reference_to_image(vidu.ReferenceToImageRequest(model="viduq2", prompt="a red fox", resolution="2K"))
step("create text-to-image", text.state == "created", text.task_id)
step("unknown field kept", EXTRA in text.additional_properties, f"{EXTRA}={text.additional_properties.get(EXTRA)}")

image = "data:image/png;base64," + base64.b64encode(png(160, 128)).decode("ascii")
with_image = generation.create_reference_to_image(vidu.ReferenceToImageRequest(model="viduq1", prompt="watercolour", images=[image]))
step("create with an image", bool(with_image.task_id), with_image.task_id)

for created in (text, with_image):
    task, seen = poll(created.task_id)
    step("poll through the unlisted state", seen[0] == UNLISTED and task.state == "success", seen)
    with urllib.request.urlopen(task.creations[0].url, timeout=10) as response:
        body = response.read(50_000_000)
    width, height = struct.unpack(">II", body[16:24])
    step("download a PNG", body[:8] == b"\x89PNG\r\n\x1a\n" and width > 0, f"{width}x{height}")

listed = tasks.list_tasks(created_at_from=before, pager_pagesz=100)
step("list with created_at.from", any(t.id == text.task_id for t in listed.tasks or []), f"{len(listed.tasks or [])} tasks")

credits = account.get_credits(show_detail=True)
step("credits", bool(credits.remains or credits.remaining_credits), "ok")

to_cancel = generation.create_reference_to_image(vidu.ReferenceToImageRequest(model="viduq2", prompt="cancel me"))
tasks.cancel_task(to_cancel.task_id, vidu.CancelTaskRequest(id=to_cancel.task_id))
cancelled, _ = poll(to_cancel.task_id)
step("cancel", cancelled.state == "failed" and cancelled.err_code == "UserCancelled", f"{cancelled.state}/{cancelled.err_code}")

try:
    tasks.get_task_creations("1")
    step("typed 404", False, "no error")
except vidu.ApiException as e:
    reason = e.data.reason if e.data is not None else vidu.ErrorResponse.from_json(e.body).reason
    step("typed 404", e.status == 404 and reason == "TaskNotFound", f"{e.status} {reason}")
