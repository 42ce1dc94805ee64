// Differential-test oracle: the real @backstage/catalog-model and @backstage/plugin-scaffolder-common decide.
// Reads one JSON case per line on stdin, writes one JSON verdict per line on stdout, in order.
//   {"t":"ref","ref":"a:b/c","defaultKind":"x"|null,"defaultNamespace":"y"|null}
//     -> {"ok":true,"kind":..,"namespace":..,"name":..,"str":"a:b/c"} | {"ok":false,"error":"message"}
//   {"t":"entity","e":{...}}
//     -> {"valid":true} | {"valid":false,"error":"message"}
//   {"t":"url","url":"..."} -> {"valid":bool}
//   {"t":"yaml","text":"..."} -> {"ok":true,"docs":[json, ...]} | {"ok":false,"error":"message"}
//     parsed as the catalog's parseEntityYaml does: yaml.parseAllDocuments, first error of a document, toJSON()
// The entity verdict follows the catalog's processing of an entity read from a location: the envelope schema,
// the default policies in the catalog's order, then the kind validators of the built-in processors (the
// catalog-model kinds and the scaffolder's Template); no validator accepting the entity means rejection.
'use strict';
const cm = require('@backstage/catalog-model');
const sc = require('@backstage/plugin-scaffolder-common');
const YAML = require('yaml');

const envelope = cm.entityEnvelopeSchemaValidator();
const policy = cm.EntityPolicies.allOf([
  new cm.SchemaValidEntityPolicy(),
  new cm.DefaultNamespaceEntityPolicy(),
  new cm.NoForeignRootFieldsEntityPolicy(),
  new cm.FieldFormatEntityPolicy(),
]);
const kindValidators = [
  cm.apiEntityV1alpha1Validator,
  cm.componentEntityV1alpha1Validator,
  cm.domainEntityV1alpha1Validator,
  cm.groupEntityV1alpha1Validator,
  cm.locationEntityV1alpha1Validator,
  cm.resourceEntityV1alpha1Validator,
  cm.systemEntityV1alpha1Validator,
  cm.userEntityV1alpha1Validator,
  sc.templateEntityV1beta3Validator,
];

async function checkEntity(entity) {
  envelope(entity);
  const enforced = await policy.enforce(entity);
  for (const v of kindValidators) {
    if (await v.check(enforced)) {
      return;
    }
  }
  throw new Error('No processor recognized the entity as valid');
}

async function handle(c) {
  if (c.t === 'ref') {
    try {
      const context = {};
      if (c.defaultKind !== null && c.defaultKind !== undefined) context.defaultKind = c.defaultKind;
      if (c.defaultNamespace !== null && c.defaultNamespace !== undefined) context.defaultNamespace = c.defaultNamespace;
      const r = cm.parseEntityRef(c.ref, context);
      return { ok: true, kind: r.kind, namespace: r.namespace, name: r.name, str: cm.stringifyEntityRef(r) };
    } catch (e) {
      return { ok: false, error: String(e.message) };
    }
  }
  if (c.t === 'entity') {
    try {
      await checkEntity(c.e);
      return { valid: true };
    } catch (e) {
      return { valid: false, error: String(e.message) };
    }
  }
  if (c.t === 'url') {
    try {
      new URL(c.url);
      return { valid: true };
    } catch (e) {
      return { valid: false };
    }
  }
  if (c.t === 'yaml') {
    try {
      const docs = [];
      for (const d of YAML.parseAllDocuments(c.text)) {
        if (d.errors && d.errors.length) {
          return { ok: false, error: String(d.errors[0].message) };
        }
        docs.push(d.toJSON());
      }
      return { ok: true, docs };
    } catch (e) {
      return { ok: false, error: String(e.message) };
    }
  }
  return { error: 'unknown case type ' + c.t };
}

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const lines = Buffer.concat(chunks).toString('utf8').split('\n');
  const out = [];
  for (const line of lines) {
    if (line.length === 0) continue;
    out.push(JSON.stringify(await handle(JSON.parse(line))));
  }
  process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
