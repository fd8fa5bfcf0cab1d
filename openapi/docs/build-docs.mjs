// Builds openapi/target/docs/index.html: the whole API reference in one file that makes no
// request to any host when opened (Redoc's standalone bundle and the spec inlined, a CSP that
// forbids loading anything). A copy of the spec is transformed first: the rules in
// x-vidu-model-rules and x-vidu-image-rules are appended to their schema's description as
// tables, so the page shows exactly what the spec says and vidu.yaml never restates them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const specPath = join(here, '..', 'vidu.yaml');
const outDir = join(here, '..', 'target', 'docs');
const require = createRequire(import.meta.url);

const code = (value) => `\`${String(value)}\``;
const values = (value) => (Array.isArray(value) ? value.join(', ') : String(value));
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();

/**
 * One column per model, one row per rule key (in order of first appearance, the models' own
 * descriptions last): a new model or a new rule in the spec is a new column or row here.
 */
export function modelRulesTable(rules) {
  const models = Object.keys(rules);
  const keys = [...new Set(Object.values(rules).flatMap((r) => Object.keys(r)))].filter((k) => k !== 'description');
  const rows = keys.map((k) => [code(k), ...models.map((m) => (k in rules[m] ? values(rules[m][k]) : ''))]);
  if (models.some((m) => rules[m].description)) {
    rows.push(['description', ...models.map((m) => rules[m].description ?? '')]);
  }
  return table(['rule', ...models.map(code)], rows);
}

/** One row per rule; the extension's own description follows as a paragraph. */
export function imageRulesTable(rules) {
  const rows = Object.entries(rules).filter(([k]) => k !== 'description').map(([k, v]) => [code(k), values(v)]);
  return table(['rule', 'value'], rows) + (rules.description ? `\n\n${rules.description.trim()}` : '');
}

function table(head, rows) {
  const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The generated tables for a schema carrying the extensions, or null. */
function ruleTables(schema) {
  const sections = [];
  if (schema['x-vidu-model-rules']) {
    sections.push(`### Model rules (\`x-vidu-model-rules\`)\n\n${modelRulesTable(schema['x-vidu-model-rules'])}`);
  }
  if (schema['x-vidu-image-rules']) {
    sections.push(`### Image rules (\`x-vidu-image-rules\`)\n\n${imageRulesTable(schema['x-vidu-image-rules'])}`);
  }
  return sections.length ? sections.join('\n\n') : null;
}

const appended = (description, tables) => [(description ?? '').trim(), tables].filter(Boolean).join('\n\n');

/**
 * A copy of the spec with the rule tables appended to the description of each schema carrying
 * the extensions and of each request body using such a schema (Redoc shows the body's
 * description on the operation, not the referenced schema's).
 */
export function withRuleTables(spec) {
  const copy = structuredClone(spec);
  const schemas = copy.components?.schemas ?? {};
  const tables = new Map();
  for (const [name, schema] of Object.entries(schemas)) {
    const t = ruleTables(schema);
    if (t) {
      tables.set(`#/components/schemas/${name}`, t);
      schema.description = appended(schema.description, t);
    }
  }
  for (const item of Object.values(copy.paths ?? {})) {
    for (const operation of Object.values(item)) {
      const content = operation?.requestBody?.content ?? {};
      const t = Object.values(content).map((media) => tables.get(media.schema?.$ref)).find(Boolean);
      if (t) {
        operation.requestBody.description = appended(operation.requestBody.description, t);
      }
    }
  }
  return copy;
}

/** Text safe inside an inline <script>: no '</script', no '<!--'. */
const scriptSafe = (text) => text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

/**
 * The bundle without its one remote resource: the sidebar's "API docs by Redocly" link shows a
 * logo from Redocly's CDN. With an empty src the image errors locally and Redoc hides it; the
 * link text stays. Fails loudly if a Redoc upgrade moves the logo, rather than shipping a page
 * that loads it.
 */
export function offline(bundle) {
  const logo = '"https://cdn.redoc.ly/redoc/logo-mini.svg"';
  if (!bundle.includes(logo)) {
    throw new Error(`Redoc's bundle no longer holds ${logo}: check what it loads, then update offline()`);
  }
  return bundle.replaceAll(logo, '""').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

export function page(spec, bundle) {
  const title = `${spec.info.title} ${spec.info.version}`.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'));
  // JSON with '<' escaped cannot end the script element.
  const specJson = JSON.stringify(spec).replace(/</g, '\\u003c');
  const options = { nativeScrollbars: true, hideDownloadButton: false, expandResponses: '200', jsonSampleExpandLevel: 3 };
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:; style-src 'unsafe-inline'; img-src data: blob:; font-src data:">
<title>${title}</title>
<style>body { margin: 0; padding: 0; }</style>
</head>
<body>
<div id="redoc"></div>
<script>${scriptSafe(bundle)}</script>
<script>Redoc.init(${specJson}, ${JSON.stringify(options)}, document.getElementById('redoc'));</script>
</body>
</html>
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const spec = withRuleTables(parse(readFileSync(specPath, 'utf8')));
  const bundle = offline(readFileSync(require.resolve('redoc/bundles/redoc.standalone.js'), 'utf8'));
  mkdirSync(outDir, { recursive: true });
  const html = page(spec, bundle);
  writeFileSync(join(outDir, 'index.html'), html);
  console.log(`wrote ${join(outDir, 'index.html')} (${(html.length / 1e6).toFixed(1)} MB, one file)`);
}
