#!/usr/bin/env python3
"""Runs both example receivers against real signed deliveries from `vidu sandbox serve`.

    python3 openapi/receivers/against_sandbox.py cli/target/vidu.jar

For each receiver (Python, Node) it creates two tasks on the sandbox: one whose callback_url is
the URL the receiver verifies against, whose processing and success callbacks must verify, and
one registered with an extra query parameter, which the sandbox signs over that URL and the
receiver must refuse as BAD_SIGNATURE. Everything listens on 127.0.0.1 and stops at the end.
"""
import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEY = "receiver-check-key"
TIMEOUT_SECONDS = 30
RECEIVERS = {
    "python": [sys.executable, str(HERE / "python" / "vidu_callback.py")],
    "node": ["node", str(HERE / "node" / "vidu-callback.mjs")],
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def lines_of(process, stream):
    """A queue fed with the stream's lines by a daemon thread."""
    q = queue.Queue()
    threading.Thread(target=lambda: [q.put(line) for line in stream], daemon=True).start()
    return q


def expect_line(q, predicate, what, deadline):
    while True:
        try:
            line = q.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise SystemExit(f"FAILED: no {what} within {TIMEOUT_SECONDS}s") from None
        if predicate(line):
            return line


def create_task(base_url, callback_url):
    body = json.dumps({"model": "viduq2", "prompt": "a lighthouse at dawn", "callback_url": callback_url}).encode()
    request = urllib.request.Request(base_url + "/ent/v2/reference2image", data=body, method="POST", headers={
        "Authorization": "Token " + KEY, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["task_id"]


def check(name, command, base_url):
    port = free_port()
    url = f"http://127.0.0.1:{port}/vidu/callback?receiver={name}&tenant=acme"
    receiver = subprocess.Popen(command + ["--port", str(port), "--url", url], env={**os.environ, "VIDU_API_KEY": KEY},
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + TIMEOUT_SECONDS
        expect_line(lines_of(receiver, receiver.stderr), lambda l: l.startswith("listening on"), "listening line", deadline)
        out = lines_of(receiver, receiver.stdout)
        genuine = create_task(base_url, url)
        seen = []
        while not any(r.get("state") == "success" for r in seen):
            seen.append(json.loads(expect_line(out, lambda l: True, f"success callback for task {genuine}", deadline)))
        refused = [r for r in seen if not r["verified"]]
        if refused or any(r["id"] != genuine for r in seen) or [r["state"] for r in seen][-2:] != ["processing", "success"]:
            raise SystemExit(f"FAILED: {name} receiver logged {seen} for task {genuine}")
        forged = create_task(base_url, url + "&forged=1")
        record = json.loads(expect_line(out, lambda l: True, f"delivery for task {forged}", deadline))
        if record != {"verified": False, "reason": "BAD_SIGNATURE"}:
            raise SystemExit(f"FAILED: {name} receiver logged {record} for a callback signed over another URL")
        print(f"{name} receiver: {len(seen)} sandbox deliveries verified ({', '.join(r['state'] for r in seen)}),"
              f" one signed over another URL refused as BAD_SIGNATURE")
    finally:
        receiver.terminate()
        receiver.wait(timeout=10)


def main():
    jar = sys.argv[1]
    sandbox = subprocess.Popen(["java", "-jar", jar, "sandbox", "serve", "--port", "0", "--processing-time", "300ms"],
                               env={**os.environ, "VIDU_API_KEY": KEY}, stdout=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + TIMEOUT_SECONDS
        line = expect_line(lines_of(sandbox, sandbox.stdout), lambda l: "listening on" in l, "sandbox", deadline)
        base_url = line.split("listening on", 1)[1].strip().rstrip("/")
        for name, command in RECEIVERS.items():
            check(name, command, base_url)
    finally:
        sandbox.terminate()
        sandbox.wait(timeout=10)


if __name__ == "__main__":
    main()
