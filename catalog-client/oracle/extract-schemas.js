// Regenerates src/main/resources/dev/backstage4j/catalog/model/internal/schemas/*.json from the pinned packages.
// Usage (after npm ci in this folder): node extract-schemas.js
const fs = require('fs');
const path = require('path');
const out = path.join(__dirname, '../src/main/resources/dev/backstage4j/catalog/model/internal/schemas');
// Drops documentation only: a string "description" and an array "examples" (a property may be named "description").
const strip = (k, v) =>
  (k === 'description' && typeof v === 'string') || (k === 'examples' && Array.isArray(v)) ? undefined : v;
const d = './node_modules/@backstage/catalog-model/dist/schema/';
const w = (name, obj) => fs.writeFileSync(path.join(out, name + '.json'), JSON.stringify(obj, strip, 1) + '\n');
w('EntityEnvelope', require(d + 'EntityEnvelope.schema.json.cjs.js').default);
w('Entity', require(d + 'Entity.schema.json.cjs.js').default);
w('EntityMeta', require(d + 'EntityMeta.schema.json.cjs.js').default);
w('common', require(d + 'shared/common.schema.json.cjs.js').default);
for (const k of ['API', 'Component', 'Domain', 'Group', 'Location', 'Resource', 'System', 'User']) {
  w(k + '.v1alpha1', require(d + 'kinds/' + k + '.v1alpha1.schema.json.cjs.js').default);
}
w('Template.v1beta3',
  require('./node_modules/@backstage/plugin-scaffolder-common/dist/Template.v1beta3.schema.json.cjs.js').default);
