// Runs every case of openapi/callback-vectors.json through verify() (node --test).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InvalidSignature, NonceStore, verify } from './vidu-callback.mjs';

const vectors = JSON.parse(readFileSync(new URL('../../callback-vectors.json', import.meta.url), 'utf8'));
const settings = vectors.verifier;

/** A shared store that is down: every check throws. */
const failingStore = { markIfNew() { throw new Error('the nonce store is down'); } };

test('the reasons used are exactly the documented ones', () => {
  const used = new Set(vectors.cases.filter((c) => !c.expected.valid).map((c) => c.expected.reason));
  assert.deepEqual([...used].sort(), Object.keys(vectors.reasons).sort());
});

for (const c of vectors.cases) {
  test(c.name, () => {
    const now = Date.parse(c.now) / 1000;
    const nonces = c.nonceStoreFails ? failingStore : new NonceStore();
    for (const seen of c.seenNonces) assert.ok(nonces.markIfNew(seen, now, settings.maxAgeSeconds + settings.maxFutureSkewSeconds));
    const delivery = {
      method: c.request.method, callbackUrl: c.request.callbackUrl, headers: c.request.headers,
      body: Buffer.from(c.request.body, 'utf8'), secrets: c.secrets, nonces, now,
      maxAge: settings.maxAgeSeconds, maxFutureSkew: settings.maxFutureSkewSeconds,
      failOpen: c.failOpenWhenNonceStoreFails ?? false,
    };
    const refusal = (reason) => (e) => e instanceof InvalidSignature && e.reason === reason;
    if (c.expected.valid) {
      const { replayChecked } = c.expected;
      assert.deepEqual(verify(delivery), { task: JSON.parse(c.request.body), replayChecked });
      if (replayChecked) {
        assert.throws(() => verify(delivery), refusal('REPLAYED'));
      } else {
        assert.equal(verify(delivery).replayChecked, false);
      }
    } else {
      assert.throws(() => verify(delivery), (e) => {
        assert.ok(e instanceof InvalidSignature, String(e));
        assert.equal(e.reason, c.expected.reason);
        return true;
      });
    }
  });
}
