"""A second callback verifier, written from the text of openapi/vidu.yaml alone (the callback's
"Signature" and "Verifying a delivery" sections) and not from any other receiver: if the spec
leaves a rule out, the vectors catch it here. Its numbers come from the spec's
x-vidu-callback-verification. Standard library plus PyYAML."""

import base64
import binascii
import hashlib
import hmac
import json
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

SPEC = Path(__file__).resolve().parents[2] / "vidu.yaml"


class Refused(Exception):
    def __init__(self, reason, detail=""):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


def rules(spec_path=SPEC):
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    callback = spec["paths"]["/ent/v2/reference2image"]["post"]["callbacks"]["taskStateChanged"]
    operation = next(iter(callback.values()))["post"]
    return operation["x-vidu-callback-verification"]


def signing_string(method, path, raw_query, date, signed):
    return f"{method}\n{path}\n{raw_query}\nvidu\n{date}\n" + "".join(f"{name}:{value}\n" for name, value in signed)


def verify(rule, method, callback_url, headers, body, keys, now, seen, nonce_store_fails=False, fail_open=False):
    """headers: [(name, value)] as received. now: POSIX seconds. seen: set of accepted nonces.
    Returns (task, replay_checked); raises Refused(reason)."""
    received = {}
    for name, value in headers:  # rule 1: names case-insensitive
        received.setdefault(name.lower(), []).append(value)
    for name in rule["signature_headers"]:
        values = received.get(name.lower(), [])
        if not values:
            raise Refused("MISSING_HEADER", name)
        if len(values) > 1:  # rule 1: exactly once
            raise Refused("MALFORMED_HEADER", f"{name} appears {len(values)} times")
    one = {name: values[0] for name, values in received.items()}
    if one["x-hmac-algorithm"] != rule["algorithm"]:  # rule 2
        raise Refused("UNSUPPORTED_ALGORITHM")
    if one["x-hmac-access-key"] != rule["access_key"]:
        raise Refused("WRONG_ACCESS_KEY")
    listed = one["x-hmac-signed-headers"].split(";")  # rule 3
    if not {n.lower() for n in rule["required_signed_headers"]} <= {n.lower() for n in listed}:
        raise Refused("UNSIGNED_REQUIRED_HEADER")
    signed = []
    for name in listed:
        if name.lower() not in one:
            raise Refused("MISSING_HEADER", name)
        signed.append((name, one[name.lower()]))
    try:  # rule 4
        sent = parsedate_to_datetime(one["date"]).timestamp()
    except (TypeError, ValueError, IndexError):
        raise Refused("MALFORMED_HEADER", "Date")
    try:
        given = base64.b64decode(one["x-hmac-signature"], validate=True)
    except (binascii.Error, ValueError):
        raise Refused("MALFORMED_HEADER", "X-HMAC-SIGNATURE")
    url = urlsplit(callback_url)  # rule 5: path as registered ("/" if empty), query raw
    path = url.path or "/"
    readings = {path, unquote(path)}
    if not any(hmac.compare_digest(given, hmac.new(key.encode(), signing_string(method, p, url.query, one["date"], signed)
                                                   .encode(), hashlib.sha256).digest())
               for key in keys for p in readings):
        raise Refused("BAD_SIGNATURE")
    if now - sent > rule["max_age_seconds"]:  # rule 6, bounds inclusive
        raise Refused("STALE")
    if sent - now > rule["max_future_skew_seconds"]:
        raise Refused("FROM_FUTURE")
    try:  # rule 7
        task = json.loads(body)
    except ValueError:
        raise Refused("MALFORMED_BODY")
    if not isinstance(task, dict):
        raise Refused("MALFORMED_BODY")
    if nonce_store_fails:  # rule 8
        if fail_open:
            return task, False
        raise Refused("NONCE_STORE_UNAVAILABLE")
    if one["x-request-nonce"] in seen:
        raise Refused("REPLAYED")
    seen.add(one["x-request-nonce"])
    return task, True
