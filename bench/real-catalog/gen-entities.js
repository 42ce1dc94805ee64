'use strict';
// node gen-entities.js N out.yaml: N Component entities (multi-document YAML, ~0.4 KiB each) for the bench.
const fs = require('fs');
const [n, out] = [parseInt(process.argv[2], 10), process.argv[3]];
const types = ['service', 'library', 'website'];
const lifecycles = ['production', 'experimental', 'deprecated'];
const owners = ['group:default/web-team', 'group:default/payments-team', 'user:default/alice'];
const fd = fs.openSync(out, 'w');
for (let i = 0; i < n; i++) {
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
fs.closeSync(fd);
