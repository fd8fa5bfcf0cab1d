#!/usr/bin/env node
// Verifies Vidu's signed callbacks with Node's built-in crypto and http only.
//
// An example kept beside openapi/vidu.yaml: copy it. verify() checks one delivery; run the file
// to receive callbacks:
//
//   VIDU_API_KEY=... node vidu-callback.mjs --port 8080 --url 'https://hooks.example.com/vidu/callback'
//
// --url is the callback_url exactly as registered with the task: Vidu signs that string, and a
// proxy may rewrite the request line. Each delivery is answered 204 (verified), 401 (refused) or
// 503 (NONCE_STORE_UNAVAILABLE: Vidu retries) and logged as one JSON line on stdout. Reasons are
// those of openapi/callback-vectors.json.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const MAX_AGE_SECONDS = 300;
export const MAX_FUTURE_SKEW_SECONDS = 60;
const MAX_BODY_BYTES = 1 << 20;
const REQUIRED = ['Date', 'x-request-nonce', 'X-HMAC-SIGNED-HEADERS', 'X-HMAC-SIGNATURE', 'X-HMAC-ALGORITHM', 'X-HMAC-ACCESS-KEY'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A refused callback; reason is one of the names in callback-vectors.json's "reasons". */
export class InvalidSignature extends Error {
  constructor(reason, message, options) {
    super(`${reason}: ${message}`, options);
    this.reason = reason;
  }
}

/**
 * Nonces accepted in the last maxAge + maxFutureSkew seconds; one process only. Several receiver
 * processes need a shared store (Redis: SET nonce 1 NX PX ttl) with the same markIfNew; one that
 * cannot answer throws, and must not guess.
 */
export class NonceStore {
  #expiries = new Map();

  markIfNew(nonce, now, ttl) {
    for (const [seen, expiry] of this.#expiries) {
      if (expiry <= now) this.#expiries.delete(seen);
    }
    if (this.#expiries.has(nonce)) return false;
    this.#expiries.set(nonce, now + ttl);
    return true;
  }
}

function values(headers, name) {
  const lower = name.toLowerCase();
  return headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v.trim());
}

function single(headers, name) {
  const found = values(headers, name);
  if (found.length !== 1) throw new InvalidSignature('MALFORMED_HEADER', `${name} appears ${found.length} times`);
  return found[0];
}

/** IMF-fixdate (RFC 7231), the form Vidu sends: 'Tue, 06 May 2025 12:09:42 GMT'; seconds since the epoch. */
function parseDate(text) {
  const m = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/.exec(text);
  const month = m ? MONTHS.indexOf(m[3]) : -1;
  if (month < 0) throw new InvalidSignature('MALFORMED_HEADER', `Date ${JSON.stringify(text.slice(0, 64))} is not an RFC 7231 date`);
  return Date.UTC(+m[4], month, +m[2], +m[5], +m[6], +m[7]) / 1000;
}

/**
 * The raw path and query of a callback URL. Not WHATWG `new URL()`: it re-encodes and normalises
 * paths and queries, and Vidu signs them exactly as registered.
 */
export function signedParts(callbackUrl) {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*([^?#]*)(?:\?([^#]*))?/.exec(callbackUrl);
  if (!m) throw new TypeError('the registered callback URL is not an absolute URL');
  return { path: m[1] || '/', query: m[2] ?? '' };
}

/** The strings a sender may have signed: over the raw path and, if it differs, the decoded one. */
export function signingStrings(method, callbackUrl, date, signed) {
  const { path, query } = signedParts(callbackUrl);
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Not valid percent-encoding: only the raw reading exists.
  }
  const tail = signed.map(([name, value]) => `${name}:${value}\n`).join('');
  return [...new Set([path, decoded])].map((p) => `${method.toUpperCase()}\n${p}\n${query}\nvidu\n${date}\n${tail}`);
}

/**
 * Checks one delivery and returns { task, replayChecked }, or throws InvalidSignature.
 * headers: [name, value] pairs as received; body: the raw Buffer; secrets: the API keys that may
 * have created the task (several while rotating); callbackUrl: as registered with the task.
 * If nonces.markIfNew throws, the delivery is refused as NONCE_STORE_UNAVAILABLE (answer 503, not
 * 401: it may be genuine), or with failOpen accepted with replayChecked false (it may be a replay
 * within the date window).
 */
export function verify({ method, callbackUrl, headers, body, secrets, nonces, now = Date.now() / 1000,
  maxAge = MAX_AGE_SECONDS, maxFutureSkew = MAX_FUTURE_SKEW_SECONDS, failOpen = false }) {
  for (const name of REQUIRED) {
    if (values(headers, name).length === 0) throw new InvalidSignature('MISSING_HEADER', `missing header ${name}`);
  }
  if (single(headers, 'X-HMAC-ALGORITHM').toLowerCase() !== 'hmac-sha256') {
    throw new InvalidSignature('UNSUPPORTED_ALGORITHM', 'X-HMAC-ALGORITHM is not hmac-sha256');
  }
  if (single(headers, 'X-HMAC-ACCESS-KEY') !== 'vidu') {
    throw new InvalidSignature('WRONG_ACCESS_KEY', 'X-HMAC-ACCESS-KEY is not vidu');
  }
  const signedNames = single(headers, 'X-HMAC-SIGNED-HEADERS').split(';').map((n) => n.trim()).filter(Boolean);
  for (const required of ['Date', 'x-request-nonce']) {
    if (!signedNames.some((n) => n.toLowerCase() === required.toLowerCase())) {
      throw new InvalidSignature('UNSIGNED_REQUIRED_HEADER', `${required} is not listed in X-HMAC-SIGNED-HEADERS`);
    }
  }
  const dateText = single(headers, 'Date');
  const date = parseDate(dateText);
  if (now - date > maxAge) throw new InvalidSignature('STALE', `Date ${dateText} is more than ${maxAge}s old`);
  if (date - now > maxFutureSkew) throw new InvalidSignature('FROM_FUTURE', `Date ${dateText} is more than ${maxFutureSkew}s ahead`);
  const signed = signedNames.map((name) => {
    const found = values(headers, name);
    if (found.length === 0) throw new InvalidSignature('MISSING_HEADER', `missing header ${name}, listed in X-HMAC-SIGNED-HEADERS`);
    return [name, found.join(',')];
  });
  const presented = Buffer.from(single(headers, 'X-HMAC-SIGNATURE'), 'latin1');
  let matched = false;
  for (const text of signingStrings(method, callbackUrl, dateText, signed)) {
    for (const secret of secrets) {
      const expected = Buffer.from(createHmac('sha256', secret).update(text, 'utf8').digest('base64'), 'latin1');
      matched = (expected.length === presented.length && timingSafeEqual(expected, presented)) || matched;
    }
  }
  if (!matched) {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(presented.toString('latin1')) || presented.length % 4 !== 0) {
      throw new InvalidSignature('MALFORMED_HEADER', 'X-HMAC-SIGNATURE is not base64');
    }
    throw new InvalidSignature('BAD_SIGNATURE', 'X-HMAC-SIGNATURE matches none of the secrets');
  }
  const nonce = single(headers, 'x-request-nonce');
  let replayChecked = true;
  try {
    if (!nonces.markIfNew(nonce, now, maxAge + maxFutureSkew)) {
      throw new InvalidSignature('REPLAYED', `nonce ${nonce.slice(0, 64)} was already used`);
    }
  } catch (e) {
    if (e instanceof InvalidSignature) throw e;
    if (!failOpen) {
      throw new InvalidSignature('NONCE_STORE_UNAVAILABLE',
        `the nonce store failed (${e?.name ?? typeof e}), so a replay cannot be ruled out; answer 503 so that Vidu retries`,
        { cause: e });
    }
    replayChecked = false;
  }
  let task;
  try {
    task = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    task = null;
  }
  if (task === null || typeof task !== 'object' || Array.isArray(task)) {
    throw new InvalidSignature('MALFORMED_BODY', 'the signature is valid but the body is not task JSON');
  }
  return { task, replayChecked };
}

/** Receives callbacks for callbackUrl on 127.0.0.1:port; resolves to the listening server. */
export function serve({ port, callbackUrl, secrets, log = (record) => console.log(JSON.stringify(record)) }) {
  const nonces = new NonceStore();
  const { path } = signedParts(callbackUrl);
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url.split('?')[0] !== path) {
      res.writeHead(404).end();
      return;
    }
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        res.writeHead(413).end();
        req.destroy();
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => {
      const headers = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
      try {
        const { task } = verify({ method: req.method, callbackUrl, headers, body: Buffer.concat(chunks), secrets, nonces });
        // Acknowledge first, then act: Vidu retries deliveries not answered 2xx.
        res.writeHead(204).end();
        log({ verified: true, id: task.id, state: task.state });
      } catch (e) {
        if (!(e instanceof InvalidSignature)) throw e;
        res.writeHead(e.reason === 'NONCE_STORE_UNAVAILABLE' ? 503 : 401).end();
        log({ verified: false, reason: e.reason });
      }
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values: args } = parseArgs({ options: { port: { type: 'string', default: '8080' }, url: { type: 'string' } } });
  const secrets = (process.env.VIDU_API_KEY ?? '').split(',').filter(Boolean);
  if (!args.url || secrets.length === 0) {
    console.error('usage: VIDU_API_KEY=<key>[,<previous key>] node vidu-callback.mjs --port 8080 --url <callback_url as registered>');
    process.exit(2);
  }
  const server = await serve({ port: Number(args.port), callbackUrl: args.url, secrets });
  console.error(`listening on http://127.0.0.1:${server.address().port}${signedParts(args.url).path}`);
}
