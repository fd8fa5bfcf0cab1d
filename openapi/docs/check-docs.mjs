// Opens openapi/target/docs/index.html in headless Chromium (Debian's, driven by playwright-core)
// with every remote host unreachable, and fails unless the page renders the spec offline: its
// title and operations, the rules tables, the signing string without horizontal scrolling, a
// language tab for every x-codeSamples language in the spec, and zero requests to any host.
// Saves screenshots beside the page.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const docs = join(here, '..', 'target', 'docs');
const spec = parse(readFileSync(join(here, '..', 'vidu.yaml'), 'utf8'));
const pageUrl = pathToFileURL(join(docs, 'index.html')).href;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

const failures = [];
const passes = [];
function check(ok, what) {
  (ok ? passes : failures).push(what);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
}

const operations = Object.values(spec.paths).flatMap((item) => METHODS.filter((m) => item[m]).map((m) => item[m]));
// Tab text is the sample's label when it has one, else its lang (Redoc's rule).
const sampleTabs = [...new Set(operations.flatMap((op) => (op['x-codeSamples'] ?? []).map((s) => s.label ?? s.lang)))];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
    // Networking effectively off: no name resolves and any proxied request goes to a closed port.
    '--host-resolver-rules=MAP * ~NOTFOUND', '--proxy-server=127.0.0.1:9', '--proxy-bypass-list=<-loopback>',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const remote = [];
  page.on('request', (request) => {
    if (!/^(file|data|blob|about):/.test(request.url())) remote.push(request.url());
  });
  page.on('requestfailed', (request) => {
    if (!/^(file|data|blob|about):/.test(request.url())) remote.push(`${request.url()} (failed)`);
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  await page.goto(pageUrl, { waitUntil: 'load' });
  await page.waitForSelector('h1', { timeout: 30_000 });
  check((await page.title()).startsWith(spec.info.title), `title is "${spec.info.title} ..."`);
  check((await page.locator('h1').first().innerText()).includes(spec.info.title), 'the API title is rendered');
  for (const op of operations) {
    const rendered = await page.locator(`[id$="operation/${op.operationId}"]`).count();
    check(rendered > 0, `operation ${op.operationId} is rendered`);
  }
  await page.screenshot({ path: join(docs, 'screenshot.png') });

  const models = Object.keys(spec.components.schemas.ReferenceToImageRequest['x-vidu-model-rules']);
  const rulesTable = page.locator('table', { hasText: 'max_images' }).filter({ hasText: models[0] });
  check(await rulesTable.count() > 0, 'the x-vidu-model-rules table is rendered');
  if (await rulesTable.count() > 0) {
    const text = await rulesTable.first().innerText();
    check(models.every((m) => text.includes(m)), `the model rules table lists ${models.join(', ')}`);
    await rulesTable.first().scrollIntoViewIfNeeded();
    await rulesTable.first().screenshot({ path: join(docs, 'model-rules.png') });
  }
  const imageRules = spec.components.schemas.ReferenceToImageRequest['x-vidu-image-rules'];
  const imageTable = page.locator('table', { hasText: 'max_image_bytes' });
  check(await imageTable.count() > 0
    && (await imageTable.first().innerText()).includes(String(imageRules.max_image_bytes)), 'the x-vidu-image-rules table is rendered');

  // The callback is collapsed under its operation; open it as a reader would.
  await page.locator('h3', { hasText: 'Callbacks' }).first().locator('xpath=following-sibling::button[1]').click();
  const signing = page.locator('pre', { hasText: 'signingString' }).first();
  await signing.waitFor({ timeout: 10_000 });
  await signing.scrollIntoViewIfNeeded();
  const box = await signing.evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
  check(box.scroll <= box.client, `the signing string needs no horizontal scrolling (${box.scroll}px of ${box.client}px)`);
  const worked = page.locator('pre', { hasText: 'x-request-nonce:123e4567' }).first();
  check(await worked.count() > 0
    && await worked.evaluate((e) => e.scrollWidth <= e.clientWidth), 'the worked signing string needs no horizontal scrolling');
  await signing.screenshot({ path: join(docs, 'signing-string.png') });

  // A reader finds the signing algorithm, the error table and the model rules from the sidebar
  // and from the search box, without opening the collapsed callback.
  const menu = page.locator('.menu-content');
  for (const entry of ['Model rules', 'Callbacks and their signature', 'Error table']) {
    check(await menu.locator('label', { hasText: entry }).count() > 0, `the sidebar has "${entry}"`);
  }
  const errorTable = page.locator('table', { hasText: 'CreditInsufficient' }).filter({ hasText: 'What to do' });
  check(await errorTable.count() > 0, 'the error table (reason, HTTP, what to do) is rendered');
  const search = page.locator('input[placeholder="Search..."]');
  const expected = { hmac: 'Callbacks and their signature', signature: 'Callbacks and their signature',
    'error table': 'Error table', 'model rules': 'Model rules' };
  for (const [term, section] of Object.entries(expected)) {
    await search.fill('');
    await search.pressSequentially(term, { delay: 20 }); // typed, as a reader does: fill() skips Redoc's handler
    const hits = page.locator('[data-role="search:results"] [role="menuitem"]');
    await hits.first().waitFor({ timeout: 10_000 }).catch(() => {});
    const found = (await hits.allInnerTexts()).map((t) => t.trim());
    check(found.includes(section), `searching "${term}" finds "${section}" (found: ${found.join(' | ') || 'nothing'})`);
  }
  await search.fill('');

  const tabs = await page.locator('[role="tab"]').allInnerTexts();
  console.log(`x-codeSamples languages in the spec: ${sampleTabs.length ? sampleTabs.join(', ') : 'none'}`);
  for (const tab of sampleTabs) {
    check(tabs.some((t) => t.trim() === tab), `a "${tab}" code-sample tab is rendered`);
  }
  check(errors.length === 0, `no script errors${errors.length ? ': ' + errors.join('; ') : ''}`);
  check(remote.length === 0, `zero requests to any host${remote.length ? ': ' + remote.join(', ') : ''}`);
} finally {
  await browser.close();
}
console.log(`${passes.length} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
