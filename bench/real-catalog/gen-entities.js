'use strict';
// node gen-entities.js N dir: N Component entities (multi-document YAML, ~0.4 KiB each) for the bench, in files of
// at most 20,000 (entities.yaml, entities-2.yaml, ...): the real catalog on SQLite fails to process one location
// of 100,000 ("too many SQL variables").
const fs = require('fs');
const path = require('path');
const [n, dir] = [parseInt(process.argv[2], 10), process.argv[3]];
const PER_FILE = 20000;
const types = ['service', 'library', 'website'];
const lifecycles = ['production', 'experimental', 'deprecated'];
const owners = ['group:default/web-team', 'group:default/payments-team', 'user:default/alice'];
let fd = -1;
for (let i = 0; i < n; i++) {
  if (i % PER_FILE === 0) {
    if (fd >= 0) fs.closeSync(fd);
    const k = i / PER_FILE + 1;
    fd = fs.openSync(path.join(dir, k === 1 ? 'entities.yaml' : `entities-${k}.yaml`), 'w');
  }
  const id = String(i).padStart(6, '0');
  fs.writeSync(fd, `---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: bench-comp-${id}
  title: Bench component ${id}
  description: Generated component number ${i} for the real-backend read benchmark
  labels:
    bench: "true"
  tags: [generated, bucket-${i % 10}]
  annotations:
    example.com/index: "${i}"
spec:
  type: ${types[i % 3]}
  lifecycle: ${lifecycles[i % 3]}
  owner: ${owners[i % 3]}
`);
}
if (fd >= 0) fs.closeSync(fd);
