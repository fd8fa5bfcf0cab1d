"""The Python client generated from openapi/vidu.yaml, run against `vidu sandbox serve`.

Needs VIDU_BASE_URL and VIDU_API_KEY (the bare key), and a sandbox started with
`--unlisted-state scheduled`. Uses only the settings documented in openapi/README.md.
"""

import base64
import os
import struct
import time
import unittest
import urllib.request
import zlib
from datetime import datetime, timedelta, timezone

import vidu_api

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# TaskState is an open string in the spec: the values it lists, and any other Vidu sends.
SUCCESS, FAILED, CREATED = "success", "failed", "created"
LISTED_STATES = (CREATED, "queueing", "processing", SUCCESS, FAILED)
FINAL_STATES = (SUCCESS, FAILED)
POLL_DEADLINE_SECONDS = 30


def png(width, height):
    """A plain grey PNG, built with the standard library."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80" * (width * 3) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return PNG_SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def configuration(api_key_prefix="Token"):
    config = vidu_api.Configuration(
        host=os.environ["VIDU_BASE_URL"],
        api_key={"TokenAuth": os.environ["VIDU_API_KEY"]},
        api_key_prefix={"TokenAuth": api_key_prefix} if api_key_prefix else None,
    )
    return config


class GeneratedPythonClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.client = vidu_api.ApiClient(configuration())
        cls.generation = vidu_api.GenerationApi(cls.client)
        cls.tasks = vidu_api.TasksApi(cls.client)
        cls.account = vidu_api.AccountApi(cls.client)

    def create_text_to_image(self, prompt="a red fox in the snow"):
        return self.generation.create_reference_to_image(
            vidu_api.ReferenceToImageRequest(model="viduq2", prompt=prompt, aspect_ratio="16:9", resolution="1080p"))

    def poll(self, task_id):
        seen = []
        deadline = time.monotonic() + POLL_DEADLINE_SECONDS
        while time.monotonic() < deadline:
            task = self.tasks.get_task_creations(task_id)
            seen.append(task.state)
            if task.state in FINAL_STATES:
                return task, seen
            time.sleep(0.2)
        self.fail(f"task {task_id} not final after {POLL_DEADLINE_SECONDS} s; states seen: {seen}")

    def test_text_to_image_polls_to_success_and_downloads_a_png(self):
        created = self.create_text_to_image()
        self.assertTrue(created.task_id)
        self.assertEqual(created.state, CREATED)
        done, _ = self.poll(created.task_id)
        self.assertEqual(done.state, SUCCESS)
        self.assertEqual(len(done.creations), 1)
        with urllib.request.urlopen(done.creations[0].url, timeout=10) as response:
            self.assertEqual(response.read(8), PNG_SIGNATURE)

    def test_text_to_video_polls_to_success_and_downloads_an_mp4(self):
        created = self.generation.create_text_to_video(
            vidu_api.TextToVideoRequest(model="viduq2", prompt="a red fox in the snow", duration=1, resolution="540p"))
        self.assertEqual(created.state, CREATED)
        self.assertEqual(created.duration, 1)
        done, _ = self.poll(created.task_id)
        self.assertEqual(done.state, SUCCESS)
        with urllib.request.urlopen(done.creations[0].url, timeout=10) as response:
            self.assertEqual(response.read(8)[4:8], b"ftyp")

    def test_viduq1_with_an_image_succeeds(self):
        image = "data:image/png;base64," + base64.b64encode(png(160, 160)).decode("ascii")
        created = self.generation.create_reference_to_image(
            vidu_api.ReferenceToImageRequest(model="viduq1", images=[image], prompt="the same, as a watercolour", aspect_ratio="1:1"))
        self.assertEqual(created.model, "viduq1")
        self.assertEqual(created.images, [image])
        done, _ = self.poll(created.task_id)
        self.assertEqual(done.state, SUCCESS)

    def test_an_unlisted_state_is_kept_and_polling_goes_on(self):
        created = self.create_text_to_image("a lighthouse")
        first = self.tasks.get_task_creations(created.task_id)
        self.assertEqual(first.state, "scheduled")
        self.assertNotIn(first.state, LISTED_STATES)
        self.assertNotIn(first.state, FINAL_STATES)
        done, seen = self.poll(created.task_id)
        self.assertEqual(done.state, SUCCESS, seen)

    def test_list_filters_by_creation_time(self):
        before = datetime.now(timezone.utc) - timedelta(seconds=5)
        created = self.create_text_to_image("a paper boat")
        listed = self.tasks.list_tasks(created_at_from=before, created_at_to=datetime.now(timezone.utc) + timedelta(seconds=5),
                                       pager_pagesz=100)
        self.assertIn(created.task_id, [t.id for t in listed.tasks])
        later = self.tasks.list_tasks(created_at_from=datetime.now(timezone.utc) + timedelta(hours=1))
        self.assertNotIn(created.task_id, [t.id for t in later.tasks or []])

    def test_a_time_with_another_offset_is_sent_as_the_same_instant_in_utc(self):
        before = datetime.now(timezone(timedelta(hours=2))) - timedelta(seconds=5)
        created = self.create_text_to_image("a kite at noon")
        listed = self.tasks.list_tasks(created_at_from=before, pager_pagesz=100)
        self.assertIn(created.task_id, [t.id for t in listed.tasks or []])
        sent = self.tasks._list_tasks_serialize(
            created_at_from=datetime(2026, 12, 7, 12, 0, tzinfo=timezone(timedelta(hours=2))), created_at_to=None,
            task_ids=None, templates=None, model_versions=None, resolutions=None, states=None, pager_page=None,
            pager_pagesz=None, pager_page_token=None, _request_auth=None, _content_type=None, _headers=None,
            _host_index=0)
        self.assertIn("created_at.from=2026-12-07T10%3A00%3A00.000000Z", sent[1])

    def test_a_naive_time_is_refused_before_sending(self):
        with self.assertRaisesRegex(ValueError, "created_at_from: a naive datetime"):
            self.tasks.list_tasks(created_at_from=datetime.now())

    def test_credits(self):
        credits = self.account.get_credits(show_detail=True)
        balances = credits.remains or credits.remaining_credits
        self.assertGreaterEqual(len(balances), 1)
        self.assertIsInstance(balances[0].credit_remain, int)
        self.assertGreaterEqual(balances[0].concurrency_limit, 1)
        self.assertGreaterEqual(len(credits.packages), 1)

    def test_cancel_ends_the_task_failed_as_user_cancelled(self):
        created = self.create_text_to_image("a cancelled fox")
        self.tasks.cancel_task(created.task_id, vidu_api.CancelTaskRequest(id=created.task_id))
        done, _ = self.poll(created.task_id)
        self.assertEqual(done.state, FAILED)
        self.assertEqual(done.err_code, "UserCancelled")

    def test_an_error_is_the_typed_exception_with_its_reason(self):
        with self.assertRaises(vidu_api.exceptions.NotFoundException) as raised:
            self.tasks.get_task_creations("1")
        self.assertEqual(raised.exception.status, 404)
        self.assertIsInstance(raised.exception.data, vidu_api.ErrorResponse)
        self.assertEqual(raised.exception.data.reason, "TaskNotFound")

    def test_the_bare_key_needs_the_documented_prefix(self):
        with vidu_api.ApiClient(configuration(api_key_prefix=None)) as unprefixed:
            with self.assertRaises(vidu_api.exceptions.UnauthorizedException) as raised:
                vidu_api.AccountApi(unprefixed).get_credits()
        self.assertEqual(raised.exception.data.reason, "Unauthorized")


if __name__ == "__main__":
    unittest.main(verbosity=2)
