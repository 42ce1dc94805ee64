'use strict';
// Backstage's own client reading the whole catalog, for RealCatalogReadBenchmark: a long-lived process, so it is
// warmed like the JVM it is compared with.  node stream-entities.js <baseUrl> <token>
// Reads one mode per line on stdin and answers "<wall ms> <count>" for one full streamEntities read:
//   default   @backstage/catalog-client's own fetch (Node's undici, which asks for gzip)
//   identity  the same with Accept-Encoding: identity, the client tuned as well as it can be from outside
// @backstage/catalog-client comes from the conformance backend's install (conformance/backend/node_modules).
const path = require('path');
const readline = require('readline');
const { createRequire } = require('module');
const backendRequire = createRequire(path.resolve(__dirname, '../../conformance/backend/index.js'));
const { CatalogClient } = backendRequire('@backstage/catalog-client');

const [baseUrl, token] = process.argv.slice(2);

function client(mode) {
  const fetchApi = {
    fetch: (input, init = {}) => {
      const headers = new Headers(init.headers);
      if (mode === 'identity') headers.set('accept-encoding', 'identity');
      return fetch(input, { ...init, headers });
    },
  };
  return new CatalogClient({
    discoveryApi: { getBaseUrl: async plugin => `${baseUrl}/api/${plugin}` },
    fetchApi,
  });
}

const clients = { default: client('default'), identity: client('identity') };

async function readAll(mode) {
  const t0 = process.hrtime.bigint();
  let count = 0;
  for await (const page of clients[mode].streamEntities({}, { token })) {
    count += page.length;
  }
  return `${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1)} ${count}\n`;
}

(async () => {
  for await (const line of readline.createInterface({ input: process.stdin })) {
    process.stdout.write(await readAll(line.trim()));
  }
})().catch(err => {
  console.error(err);
  process.exit(1);
});
