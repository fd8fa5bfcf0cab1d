#!/usr/bin/env python3
"""Verifies Vidu's signed callbacks, with the standard library only (hmac, hashlib, http.server).

An example kept beside openapi/vidu.yaml: copy it. verify() checks one delivery; run the file to
receive callbacks:

    VIDU_API_KEY=... python3 vidu_callback.py --port 8080 --url 'https://hooks.example.com/vidu/callback'

--url is the callback_url exactly as registered with the task: Vidu signs that string, and a
proxy may rewrite the request line. Each delivery is answered 204 (verified), 401 (refused) or 503
(NONCE_STORE_UNAVAILABLE: Vidu retries) and logged as one JSON line on stdout. Reasons are those of
openapi/callback-vectors.json.
"""
import argparse
import base64
import binascii
import hashlib
import hmac
import json
import os
import sys
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

MAX_AGE_SECONDS = 300
MAX_FUTURE_SKEW_SECONDS = 60
MAX_BODY_BYTES = 1 << 20
REQUIRED = ("Date", "x-request-nonce", "X-HMAC-SIGNED-HEADERS", "X-HMAC-SIGNATURE", "X-HMAC-ALGORITHM",
            "X-HMAC-ACCESS-KEY")


class InvalidSignature(Exception):
    """A refused callback; reason is one of the names in callback-vectors.json's "reasons"."""

    def __init__(self, reason, message):
        super().__init__(f"{reason}: {message}")
        self.reason = reason


class Verified(NamedTuple):
    """A verified delivery: its body, and whether its nonce was checked for replay.

    replay_checked is False only when the nonce store failed and verify was called with
    fail_open=True: the delivery may then be a replay within the date window.
    """
    task: dict
    replay_checked: bool


class NonceStore:
    """Nonces accepted in the last max_age + max_future_skew seconds; one process only.

    Several receiver processes need a shared store (Redis: SET nonce 1 NX PX ttl) with the same
    mark_if_new; one that cannot answer raises, and must not guess.
    """

    def __init__(self):
        self._expiries = {}
        self._lock = threading.Lock()

    def mark_if_new(self, nonce, now, ttl):
        with self._lock:
            for seen in [n for n, expiry in self._expiries.items() if expiry <= now]:
                del self._expiries[seen]
            if nonce in self._expiries:
                return False
            self._expiries[nonce] = now + ttl
            return True


def _single(headers, name):
    values = [v.strip() for n, v in headers if n.lower() == name.lower()]
    if len(values) != 1:
        raise InvalidSignature("MALFORMED_HEADER", f"{name} appears {len(values)} times")
    return values[0]


def _parse_date(text):
    """IMF-fixdate (RFC 7231), the form Vidu sends: 'Tue, 06 May 2025 12:09:42 GMT'."""
    try:
        return datetime.strptime(text, "%a, %d %b %Y %H:%M:%S GMT").replace(tzinfo=timezone.utc).timestamp()
    except ValueError:
        raise InvalidSignature("MALFORMED_HEADER", f"Date {text[:64]!r} is not an RFC 7231 date") from None


def signing_strings(method, callback_url, date, signed):
    """The strings a sender may have signed: over the raw path and, if it differs, the decoded one."""
    parts = urlsplit(callback_url)
    raw_path = parts.path or "/"
    paths = [raw_path] if unquote(raw_path) == raw_path else [raw_path, unquote(raw_path)]
    tail = "".join(f"{name}:{value}\n" for name, value in signed)
    return [f"{method.upper()}\n{path}\n{parts.query}\nvidu\n{date}\n{tail}" for path in paths]


def verify(method, callback_url, headers, body, secrets, nonces, now=None,
           max_age=MAX_AGE_SECONDS, max_future_skew=MAX_FUTURE_SKEW_SECONDS, fail_open=False):
    """Checks one delivery and returns it as Verified, or raises InvalidSignature.

    headers: (name, value) pairs as received; body: the raw bytes; secrets: the API keys that may
    have created the task (several while rotating); callback_url: as registered with the task.
    If nonces.mark_if_new raises, the delivery is refused as NONCE_STORE_UNAVAILABLE (answer 503,
    not 401: it may be genuine), or with fail_open=True accepted with replay_checked False.
    """
    now = time.time() if now is None else now
    present = {n.lower() for n, _ in headers}
    for name in REQUIRED:
        if name.lower() not in present:
            raise InvalidSignature("MISSING_HEADER", f"missing header {name}")
    if _single(headers, "X-HMAC-ALGORITHM").lower() != "hmac-sha256":
        raise InvalidSignature("UNSUPPORTED_ALGORITHM", "X-HMAC-ALGORITHM is not hmac-sha256")
    if _single(headers, "X-HMAC-ACCESS-KEY") != "vidu":
        raise InvalidSignature("WRONG_ACCESS_KEY", "X-HMAC-ACCESS-KEY is not vidu")
    signed_names = [n.strip() for n in _single(headers, "X-HMAC-SIGNED-HEADERS").split(";") if n.strip()]
    for required in ("Date", "x-request-nonce"):
        if required.lower() not in (n.lower() for n in signed_names):
            raise InvalidSignature("UNSIGNED_REQUIRED_HEADER", f"{required} is not listed in X-HMAC-SIGNED-HEADERS")
    date_text = _single(headers, "Date")
    date = _parse_date(date_text)
    if now - date > max_age:
        raise InvalidSignature("STALE", f"Date {date_text} is more than {max_age}s old")
    if date - now > max_future_skew:
        raise InvalidSignature("FROM_FUTURE", f"Date {date_text} is more than {max_future_skew}s ahead")
    signed = []
    for name in signed_names:
        values = [v.strip() for n, v in headers if n.lower() == name.lower()]
        if not values:
            raise InvalidSignature("MISSING_HEADER", f"missing header {name}, listed in X-HMAC-SIGNED-HEADERS")
        signed.append((name, ",".join(values)))
    presented = _single(headers, "X-HMAC-SIGNATURE").encode("ascii", "replace")
    matched = False
    for text in signing_strings(method, callback_url, date_text, signed):
        for secret in secrets:
            expected = base64.b64encode(hmac.new(secret.encode(), text.encode(), hashlib.sha256).digest())
            matched |= hmac.compare_digest(expected, presented)
    if not matched:
        try:
            base64.b64decode(presented, validate=True)
        except (binascii.Error, ValueError):
            raise InvalidSignature("MALFORMED_HEADER", "X-HMAC-SIGNATURE is not base64") from None
        raise InvalidSignature("BAD_SIGNATURE", "X-HMAC-SIGNATURE matches none of the secrets")
    nonce = _single(headers, "x-request-nonce")
    try:
        is_new = nonces.mark_if_new(nonce, now, max_age + max_future_skew)
    except Exception as failure:
        if not fail_open:
            raise InvalidSignature("NONCE_STORE_UNAVAILABLE", f"the nonce store failed ({type(failure).__name__}), "
                                   "so a replay cannot be ruled out; answer 503 so that Vidu retries") from failure
        is_new = None
    if is_new is False:
        raise InvalidSignature("REPLAYED", f"nonce {nonce[:64]} was already used")
    try:
        task = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        task = None
    if not isinstance(task, dict):
        raise InvalidSignature("MALFORMED_BODY", "the signature is valid but the body is not task JSON")
    return Verified(task, is_new is not None)


def serve(port, callback_url, secrets, out=sys.stdout):
    nonces = NonceStore()
    path = urlsplit(callback_url).path or "/"

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self):
            if self.path.split("?")[0] != path:
                self.send_response(404)
                self.end_headers()
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY_BYTES:
                self.send_response(413)
                self.end_headers()
                return
            body = self.rfile.read(length)
            try:
                task = verify("POST", callback_url, list(self.headers.items()), body, secrets, nonces).task
            except InvalidSignature as refused:
                self.send_response(503 if refused.reason == "NONCE_STORE_UNAVAILABLE" else 401)
                self.end_headers()
                record = {"verified": False, "reason": refused.reason}
            else:
                # Acknowledge first, then act: Vidu retries deliveries not answered 2xx.
                self.send_response(204)
                self.end_headers()
                record = {"verified": True, "id": task.get("id"), "state": task.get("state")}
            print(json.dumps(record), file=out, flush=True)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Receiver)
    print(f"listening on http://127.0.0.1:{server.server_address[1]}{path}", file=sys.stderr, flush=True)
    server.serve_forever()


def main():
    parser = argparse.ArgumentParser(description="Receive and verify Vidu callbacks (the secret from VIDU_API_KEY).")
    parser.add_argument("--port", type=int, default=8080, help="port on 127.0.0.1 (0 picks a free one)")
    parser.add_argument("--url", required=True, help="the callback_url exactly as registered with the task")
    args = parser.parse_args()
    secrets = [s for s in os.environ.get("VIDU_API_KEY", "").split(",") if s]
    if not secrets:
        parser.error("set VIDU_API_KEY (several keys while rotating: comma-separated)")
    try:
        serve(args.port, args.url, secrets)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
