'use strict';
// Helper of capture-fixtures.sh: turns one curl exchange into a fixture file.
// Usage: node fixture.js <out.json> <METHOD> <path> <request-body-file|-> <response-headers-file> <response-body-file>
// Environment: FIXTURE_SCRUB = JSON object {"literal to replace": "replacement", ...} (token, port, local paths).
const fs = require('fs');
const path = require('path');

const [out, method, reqPath, reqBodyFile, headersFile, bodyFile] = process.argv.slice(2);
const scrub = JSON.parse(process.env.FIXTURE_SCRUB || '{}');
const clean = text => Object.entries(scrub).reduce((t, [from, to]) => t.split(from).join(to), text);

// Only headers a client may rely on; Date, ETag, Content-Length and the like change on every run.
const KEEP = ['content-type', 'link', 'cache-control', 'retry-after', 'location', 'www-authenticate'];
const blocks = fs.readFileSync(headersFile, 'utf8').split(/\r?\n\r?\n/).filter(b => b.trim());
const last = blocks[blocks.length - 1].split(/\r?\n/); // after any 100 Continue
const status = Number(last[0].split(' ')[1]);
const headers = {};
for (const line of last.slice(1)) {
  const i = line.indexOf(':');
  const name = line.slice(0, i).trim().toLowerCase();
  if (KEEP.includes(name)) headers[name] = clean(line.slice(i + 1).trim());
}

const parse = (text, contentType) => {
  if (text === '') return null;
  if ((contentType || '').includes('json')) return JSON.parse(text);
  return text;
};
const rawBody = clean(fs.readFileSync(bodyFile, 'utf8'));
const request = { method, path: clean(reqPath) };
if (reqBodyFile !== '-') request.body = JSON.parse(clean(fs.readFileSync(reqBodyFile, 'utf8')));
const fixture = { request, response: { status, headers, body: parse(rawBody, headers['content-type']) } };

fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(fixture, null, 2) + '\n');
console.log(`${String(status).padEnd(4)} ${method.padEnd(6)} ${request.path.slice(0, 90)} -> ${path.relative(process.cwd(), out)}`);
