"""Runs every case of openapi/callback-vectors.json through vidu_callback.verify."""
import json
import unittest
from datetime import datetime
from pathlib import Path

import vidu_callback


class FailingNonceStore:
    """A shared store that is down: every check raises."""

    def mark_if_new(self, nonce, now, ttl):
        raise ConnectionError("the nonce store is down")

VECTORS = json.loads((Path(__file__).resolve().parents[2] / "callback-vectors.json").read_text(encoding="utf-8"))


class CallbackVectors(unittest.TestCase):
    def test_reasons_are_the_documented_ones(self):
        used = {c["expected"]["reason"] for c in VECTORS["cases"] if not c["expected"]["valid"]}
        self.assertEqual(used, set(VECTORS["reasons"]))

    def test_every_case(self):
        settings = VECTORS["verifier"]
        for case in VECTORS["cases"]:
            with self.subTest(case["name"]):
                now = datetime.fromisoformat(case["now"].replace("Z", "+00:00")).timestamp()
                ttl = settings["maxAgeSeconds"] + settings["maxFutureSkewSeconds"]
                nonces = FailingNonceStore() if case.get("nonceStoreFails") else vidu_callback.NonceStore()
                for seen in case["seenNonces"]:
                    self.assertTrue(nonces.mark_if_new(seen, now, ttl))
                request = case["request"]
                args = (request["method"], request["callbackUrl"], [tuple(h) for h in request["headers"]],
                        request["body"].encode("utf-8"), case["secrets"], nonces)
                kwargs = dict(now=now, max_age=settings["maxAgeSeconds"],
                              max_future_skew=settings["maxFutureSkewSeconds"],
                              fail_open=case.get("failOpenWhenNonceStoreFails", False))
                if case["expected"]["valid"]:
                    replay_checked = case["expected"]["replayChecked"]
                    self.assertEqual(vidu_callback.verify(*args, **kwargs),
                                     (json.loads(request["body"]), replay_checked))
                    if replay_checked:
                        with self.assertRaises(vidu_callback.InvalidSignature) as again:
                            vidu_callback.verify(*args, **kwargs)
                        self.assertEqual(again.exception.reason, "REPLAYED")
                    else:
                        self.assertFalse(vidu_callback.verify(*args, **kwargs).replay_checked)
                else:
                    with self.assertRaises(vidu_callback.InvalidSignature) as refused:
                        vidu_callback.verify(*args, **kwargs)
                    self.assertEqual(refused.exception.reason, case["expected"]["reason"])


if __name__ == "__main__":
    unittest.main()
