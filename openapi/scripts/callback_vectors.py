#!/usr/bin/env python3
"""Writes or checks openapi/callback-vectors.json, the language-neutral callback test cases.

The file is data and is committed; this script is how it was made. Run it with no argument to
check that the committed file is exactly what the script produces (the build does), or with
--write after changing a case. Signatures are computed here with the standard library's hmac,
independently of every verifier that reads the file (Java, Python, Node).
"""
import base64
import hashlib
import hmac
import json
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

VECTORS = Path(__file__).resolve().parent.parent / "callback-vectors.json"

SECRET = "your_secret_token"
URL = "http://127.0.0.1:8080/vidu/callback?name=james&age=36"
DATE = "Tue, 06 May 2025 12:09:42 GMT"
SIGNED_AT = datetime(2025, 5, 6, 12, 9, 42, tzinfo=timezone.utc)
NONCE = "123e4567-e89b-12d3-a456-426614174000"
WORKED_SIGNATURE = "PrO4+kG4W+b3HOSimdHMHn8pnQ6YXQTseBDC/8yvvNA="
BODY = ('{"id":"t-1","state":"success","err_code":"","credits":4,"payload":"",'
        '"creations":[{"id":"c-1","url":"https://cdn.example/a.png","cover_url":""}]}')
MAX_AGE = 300
MAX_FUTURE_SKEW = 60

REASONS = {
    "MISSING_HEADER": "One of the six signature headers is absent, or a header listed in X-HMAC-SIGNED-HEADERS is.",
    "MALFORMED_HEADER": "A header is present but unreadable: Date is no RFC 1123 date, X-HMAC-SIGNATURE is no base64, or a signature header appears more than once.",
    "UNSUPPORTED_ALGORITHM": "X-HMAC-ALGORITHM is not hmac-sha256.",
    "WRONG_ACCESS_KEY": "X-HMAC-ACCESS-KEY is not vidu.",
    "UNSIGNED_REQUIRED_HEADER": "Date or x-request-nonce is not listed in X-HMAC-SIGNED-HEADERS, so it could be changed undetected.",
    "STALE": "Date is more than maxAgeSeconds before now.",
    "FROM_FUTURE": "Date is more than maxFutureSkewSeconds after now.",
    "BAD_SIGNATURE": "X-HMAC-SIGNATURE matches none of the secrets over any accepted reading of the signing string.",
    "REPLAYED": "The signature is good but the nonce was already accepted within the window.",
    "MALFORMED_BODY": "The signature is good but the body is not a task JSON object.",
    "NONCE_STORE_UNAVAILABLE": "The signature is good but the nonce store failed (threw), so a replay cannot be ruled out; "
                               "answer 503, not 401, so that Vidu retries. Not given by a verifier that fails open.",
}


def http_date(instant):
    return instant.strftime("%a, %d %b %Y %H:%M:%S GMT")


def iso(instant):
    return instant.strftime("%Y-%m-%dT%H:%M:%SZ")


def signing_string(method, path, query, date, signed):
    lines = [method.upper(), path, query, "vidu", date]
    return "\n".join(lines) + "\n" + "".join(f"{name}:{value}\n" for name, value in signed)


def signature(secret, text):
    return base64.b64encode(hmac.new(secret.encode(), text.encode(), hashlib.sha256).digest()).decode()


def signed_request(path, query, *, method="POST", secret=SECRET, date=DATE, nonce=NONCE,
                   signed_names=("Date", "x-request-nonce"), extra=()):
    """The six headers (plus extra) for a request signed over path and query as given."""
    values = {"Date": date, "x-request-nonce": nonce, **dict(extra)}
    text = signing_string(method, path, query, date, [(n, values[n]) for n in signed_names])
    headers = [["Date", date], ["x-request-nonce", nonce], *[[n, v] for n, v in extra],
               ["X-HMAC-SIGNED-HEADERS", ";".join(signed_names)],
               ["X-HMAC-SIGNATURE", signature(secret, text)],
               ["X-HMAC-ALGORITHM", "hmac-sha256"],
               ["X-HMAC-ACCESS-KEY", "vidu"],
               ["Content-Type", "application/json"]]
    return headers, text


def case(name, description, headers, *, url=URL, method="POST", body=BODY, secrets=(SECRET,),
         now=SIGNED_AT, seen=(), reason=None, text=None, nonce_store_fails=False, fail_open=False):
    assert not (nonce_store_fails and seen), "a failing store holds no nonces"
    assert nonce_store_fails or not fail_open, "failing open only matters when the store fails"
    c = {
        "name": name,
        "description": description,
        "request": {"method": method, "callbackUrl": url, "headers": headers, "body": body},
        "secrets": list(secrets),
        "now": iso(now),
        "seenNonces": list(seen),
    }
    # Absent means false: only the cases about a failing store carry these.
    if nonce_store_fails:
        c["nonceStoreFails"] = True
    if fail_open:
        c["failOpenWhenNonceStoreFails"] = True
    c["expected"] = ({"valid": True, "replayChecked": not nonce_store_fails} if reason is None
                     else {"valid": False, "reason": reason})
    if text is not None:
        c["signingString"] = text
    return c


def replace(headers, name, value):
    return [[n, value if n == name else v] for n, v in headers]


def without(headers, name):
    return [[n, v] for n, v in headers if n != name]


def cases():
    worked, worked_text = signed_request("/vidu/callback", "name=james&age=36")
    assert worked_text.encode() and len(worked_text.encode()) == 161, "the worked example is 161 bytes"
    assert dict(map(tuple, worked))["X-HMAC-SIGNATURE"] == WORKED_SIGNATURE, "the worked example's signature"
    out = [case("vidu-worked-example",
                "Vidu's worked example (callback-signature page): 161-byte signing string, key your_secret_token.",
                worked, text=worked_text)]

    def valid(name, description, url, path, query, **kw):
        sign_kw = {k: kw.pop(k) for k in ("method", "secret", "date", "nonce", "signed_names", "extra") if k in kw}
        headers, text = signed_request(path, query, **sign_kw)
        out.append(case(name, description, headers, url=url, method=sign_kw.get("method", "POST"), text=text, **kw))

    valid("query-percent-encoded-kept-raw",
          "The query is signed raw, exactly as registered: percent-escapes are neither decoded nor re-encoded.",
          "https://hooks.example.com/vidu/callback?tenant=acme&next=%2Fdone%3Fok%3D1&name=caf%C3%A9",
          "/vidu/callback", "tenant=acme&next=%2Fdone%3Fok%3D1&name=caf%C3%A9")
    valid("query-unsorted-kept-in-order",
          "Query parameters are not sorted: repeated and out-of-order names stay as registered.",
          "https://hooks.example.com/cb?z=1&a=2&a=1", "/cb", "z=1&a=2&a=1")
    valid("path-percent-encoded-raw-reading",
          "A percent-encoded path signed raw, as Vidu's Python example reads it (urlparse keeps /a%20b).",
          "https://hooks.example.com/vidu/a%20b/callback", "/vidu/a%20b/callback", "")
    valid("path-percent-encoded-decoded-reading",
          "The same URL signed over the decoded path, as Vidu's Go example reads it (url.URL.Path gives /a b); "
          "receivers accept either reading.",
          "https://hooks.example.com/vidu/a%20b/callback", "/vidu/a b/callback", "")
    valid("path-empty", "A URL without a path is signed with the path / and an empty query.",
          "https://hooks.example.com", "/", "")
    valid("path-empty-with-query", "No path but a query: the path is /, the query raw.",
          "https://hooks.example.com?tenant=acme", "/", "tenant=acme")
    valid("path-root-with-port", "A port is not signed; the path / is.", "http://127.0.0.1:9000/", "/", "")
    headers, text = signed_request("/vidu/callback", "name=james&age=36")
    out.append(case("header-names-any-case",
                    "HTTP header names are case-insensitive: the headers arrive lower-cased.",
                    [[n.lower(), v] for n, v in headers], text=text))
    valid("extra-signed-header",
          "A third signed header, named and ordered as X-HMAC-SIGNED-HEADERS lists it.",
          URL, "/vidu/callback", "name=james&age=36",
          signed_names=("Date", "x-request-nonce", "X-Tenant"), extra=(("X-Tenant", "acme"),))
    headers, text = signed_request("/vidu/callback", "name=james&age=36")
    out.append(case("body-is-not-signed",
                    "Vidu does not sign the body: a changed body still verifies (so act on Get Generation, not the body).",
                    headers, body=BODY.replace('"success"', '"failed"'), text=text))
    valid("key-rotation-previous-key",
          "Signed with the previous API key while two are configured (the key that created the task signs).",
          URL, "/vidu/callback", "name=james&age=36", secret="previous_secret_token",
          secrets=("new_secret_token", "previous_secret_token"))
    valid("date-exactly-max-age-old", "Date exactly maxAgeSeconds old is still fresh.",
          URL, "/vidu/callback", "name=james&age=36", now=SIGNED_AT + timedelta(seconds=MAX_AGE))
    valid("date-exactly-max-skew-ahead", "Date exactly maxFutureSkewSeconds ahead is still accepted.",
          URL, "/vidu/callback", "name=james&age=36", now=SIGNED_AT - timedelta(seconds=MAX_FUTURE_SKEW))
    valid("other-nonce-seen", "Nonces seen before do not matter when this one is new.",
          URL, "/vidu/callback", "name=james&age=36", seen=("8f14e45f-ceea-467f-a0e6-d2d2bd3fbd57",))
    valid("nonce-store-fails-fail-open",
          "The nonce store fails (throws) and the verifier was set to fail open: the callback is accepted, reported "
          "as not checked for replay (expected.replayChecked false), and the same delivery again is accepted again.",
          URL, "/vidu/callback", "name=james&age=36", nonce_store_fails=True, fail_open=True)

    def invalid(name, description, headers, reason, **kw):
        out.append(case(name, description, headers, reason=reason, **kw))

    later = http_date(SIGNED_AT + timedelta(seconds=1))
    invalid("tampered-date", "Date changed after signing (by one second, still inside the window).",
            replace(worked, "Date", later), "BAD_SIGNATURE")
    invalid("tampered-nonce", "x-request-nonce changed after signing.",
            replace(worked, "x-request-nonce", "123e4567-e89b-12d3-a456-426614174001"), "BAD_SIGNATURE")
    invalid("tampered-signed-headers-order", "X-HMAC-SIGNED-HEADERS reordered after signing: the order is signed.",
            replace(worked, "X-HMAC-SIGNED-HEADERS", "x-request-nonce;Date"), "BAD_SIGNATURE")
    flipped = "Q" + WORKED_SIGNATURE[1:]
    invalid("tampered-signature", "One character of X-HMAC-SIGNATURE changed (still valid base64).",
            replace(worked, "X-HMAC-SIGNATURE", flipped), "BAD_SIGNATURE")
    invalid("tampered-algorithm", "X-HMAC-ALGORITHM names another algorithm.",
            replace(worked, "X-HMAC-ALGORITHM", "hmac-sha1"), "UNSUPPORTED_ALGORITHM")
    invalid("tampered-access-key", "X-HMAC-ACCESS-KEY is not vidu.",
            replace(worked, "X-HMAC-ACCESS-KEY", "vidu-test"), "WRONG_ACCESS_KEY")
    invalid("tampered-method", "Received as PUT; the method is signed.", worked, "BAD_SIGNATURE", method="PUT")
    invalid("tampered-query", "The registered URL's query differs from the one signed.", worked, "BAD_SIGNATURE",
            url="http://127.0.0.1:8080/vidu/callback?name=james&age=37")
    invalid("tampered-path", "The registered URL's path differs from the one signed.", worked, "BAD_SIGNATURE",
            url="http://127.0.0.1:8080/vidu/callbacks?name=james&age=36")
    invalid("wrong-key", "Verified with a key other than the one that signed.", worked, "BAD_SIGNATURE",
            secrets=("another_secret_token",))
    invalid("stale-date", "Date is one second older than maxAgeSeconds.", worked, "STALE",
            now=SIGNED_AT + timedelta(seconds=MAX_AGE + 1))
    invalid("future-date", "Date is one second further ahead than maxFutureSkewSeconds.", worked, "FROM_FUTURE",
            now=SIGNED_AT - timedelta(seconds=MAX_FUTURE_SKEW + 1))
    invalid("replayed-nonce", "A valid delivery whose nonce was already accepted.", worked, "REPLAYED", seen=(NONCE,))
    invalid("nonce-store-fails", "Correctly signed and fresh, but the nonce store fails (throws): refused, fail-closed "
            "(the default).", worked, "NONCE_STORE_UNAVAILABLE", nonce_store_fails=True)
    for header in ("Date", "x-request-nonce", "X-HMAC-SIGNED-HEADERS", "X-HMAC-SIGNATURE", "X-HMAC-ALGORITHM",
                   "X-HMAC-ACCESS-KEY"):
        invalid("missing-" + header.lower(), f"No {header} header.", without(worked, header), "MISSING_HEADER")
    tenant, _ = signed_request("/vidu/callback", "name=james&age=36",
                               signed_names=("Date", "x-request-nonce", "X-Tenant"), extra=(("X-Tenant", "acme"),))
    invalid("missing-listed-signed-header", "X-HMAC-SIGNED-HEADERS lists X-Tenant, which is absent.",
            without(tenant, "X-Tenant"), "MISSING_HEADER")
    date_unsigned, _ = signed_request("/vidu/callback", "name=james&age=36", signed_names=("x-request-nonce",))
    invalid("date-not-signed", "Date is not among the signed headers (correctly signed otherwise).",
            date_unsigned, "UNSIGNED_REQUIRED_HEADER")
    nonce_unsigned, _ = signed_request("/vidu/callback", "name=james&age=36", signed_names=("Date",))
    invalid("nonce-not-signed", "x-request-nonce is not among the signed headers (correctly signed otherwise).",
            nonce_unsigned, "UNSIGNED_REQUIRED_HEADER")
    bad_date, _ = signed_request("/vidu/callback", "name=james&age=36", date="yesterday")
    invalid("malformed-date", "Date is no RFC 1123 date (signed as it is).", bad_date, "MALFORMED_HEADER")
    invalid("malformed-signature", "X-HMAC-SIGNATURE is not base64.",
            replace(worked, "X-HMAC-SIGNATURE", "not base64!"), "MALFORMED_HEADER")
    invalid("repeated-signature-header", "X-HMAC-SIGNATURE appears twice.",
            worked + [["X-HMAC-SIGNATURE", WORKED_SIGNATURE]], "MALFORMED_HEADER")
    invalid("malformed-body", "Correctly signed, but the body is not JSON.", worked, "MALFORMED_BODY",
            body="state=success")
    return out


def document():
    return {
        "description": (
            "Language-neutral test cases for verifying Vidu's signed callbacks (openapi/vidu.yaml, callback "
            "taskStateChanged). Each case gives the received request (method, the callback_url as registered with "
            "the task, headers in order as [name, value] pairs, body as UTF-8 text), the verifier's secrets (API "
            "keys), the current time, the nonces already accepted, and the expected outcome. A case with "
            "nonceStoreFails true is verified with a nonce store that fails (throws) on every check, and one that "
            "also has failOpenWhenNonceStoreFails true by a verifier set to accept rather than refuse then; both "
            "are absent (false) elsewhere. A valid outcome says whether the nonce was checked for replay "
            "(replayChecked): if it was, the same delivery verified again is REPLAYED. Verify with the "
            "verifier settings below. Invalid cases break exactly one rule, so the order of checks does not "
            "matter. signingString, on valid cases, is the string that was signed. Made by "
            "openapi/scripts/callback_vectors.py; see openapi/README.md."),
        "verifier": {"maxAgeSeconds": MAX_AGE, "maxFutureSkewSeconds": MAX_FUTURE_SKEW,
                     "algorithm": "hmac-sha256", "accessKey": "vidu",
                     "requiredSignedHeaders": ["Date", "x-request-nonce"]},
        "reasons": REASONS,
        "cases": cases(),
    }


def main():
    text = json.dumps(document(), indent=2, ensure_ascii=False) + "\n"
    if sys.argv[1:] == ["--write"]:
        VECTORS.write_text(text, encoding="utf-8")
        print(f"wrote {VECTORS}")
        return 0
    if VECTORS.read_text(encoding="utf-8") != text:
        print(f"{VECTORS} differs from what {Path(__file__).name} makes: run it with --write and commit", file=sys.stderr)
        return 1
    print(f"{VECTORS.name}: {len(document()['cases'])} cases, as {Path(__file__).name} makes them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
