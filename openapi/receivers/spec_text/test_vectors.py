"""Every case of openapi/callback-vectors.json through the verifier written from the spec text."""
import json
import unittest
from datetime import datetime
from pathlib import Path

import verify_from_spec as spec

VECTORS = json.loads((Path(__file__).resolve().parents[2] / "callback-vectors.json").read_text(encoding="utf-8"))


class SpecTextVerifier(unittest.TestCase):
    def test_the_spec_states_the_numbers_the_vectors_use(self):
        rule, settings = spec.rules(), VECTORS["verifier"]
        self.assertEqual(rule["max_age_seconds"], settings["maxAgeSeconds"])
        self.assertEqual(rule["max_future_skew_seconds"], settings["maxFutureSkewSeconds"])
        self.assertEqual(rule["algorithm"], settings["algorithm"])
        self.assertEqual(rule["access_key"], settings["accessKey"])
        self.assertEqual(rule["required_signed_headers"], settings["requiredSignedHeaders"])

    def test_the_spec_names_every_reason(self):
        text = (Path(__file__).resolve().parents[2] / "vidu.yaml").read_text(encoding="utf-8")
        for reason in VECTORS["reasons"]:
            self.assertIn(f"`{reason}`", text)

    def test_every_case(self):
        rule, agreed = spec.rules(), 0
        for case in VECTORS["cases"]:
            with self.subTest(case["name"]):
                request, expected = case["request"], case["expected"]
                now = datetime.fromisoformat(case["now"].replace("Z", "+00:00")).timestamp()
                seen = set(case["seenNonces"])
                run = lambda: spec.verify(rule, request["method"], request["callbackUrl"], request["headers"],
                                          request["body"], case["secrets"], now, seen,
                                          case.get("nonceStoreFails", False),
                                          case.get("failOpenWhenNonceStoreFails", False))
                if expected["valid"]:
                    _, replay_checked = run()
                    self.assertEqual(replay_checked, expected["replayChecked"])
                    if replay_checked:
                        with self.assertRaises(spec.Refused) as again:
                            run()
                        self.assertEqual(again.exception.reason, "REPLAYED")
                else:
                    with self.assertRaises(spec.Refused) as refused:
                        run()
                    self.assertEqual(refused.exception.reason, expected["reason"])
                agreed += 1
        self.assertEqual(agreed, len(VECTORS["cases"]))


if __name__ == "__main__":
    unittest.main()
