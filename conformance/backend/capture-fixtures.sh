#!/usr/bin/env bash
# Captures JSON fixtures from the real backend for the client engineers' unit tests:
# starts this backend on a free loopback port, seeded with the sample organisation, calls every catalog and
# scaffolder endpoint (reference §1 and §5) in success and error scenarios, and writes one file per exchange to
# ../fixtures/<catalog|scaffolder>/<endpoint>/<scenario>.json as {request:{method,path,body?},
# response:{status,headers,body}}. Scrubbed: the token, the port (-> 7007) and local paths (-> /backstage4j/...).
# Needs node, npm and curl. Takes ~1.5 min (one task waits on purpose so it can be cancelled).
set -euo pipefail
cd "$(dirname "$0")"
HERE="$PWD"
FIX="$(cd .. && pwd)/fixtures"
SAMPLE="$(cd ../../testkit/src/main/resources/dev/backstage4j/testkit/sample && pwd)"

./install.sh

TMP="$(mktemp -d /tmp/b4j-fixtures-XXXXXX)"
PORT="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
TOKEN="fixture-token-$(node -e "console.log(require('crypto').randomBytes(8).toString('hex'))")"
BASE="http://127.0.0.1:$PORT"
mkdir -p "$TMP/work" "$TMP/extra"
export FIXTURE_SCRUB
FIXTURE_SCRUB="$(node -e 'console.log(JSON.stringify({[process.argv[1]]:"<token>",[process.argv[2]]:"127.0.0.1:7007",
  [process.argv[3]]:"/backstage4j/sample",[process.argv[4]]:"/backstage4j/tmp",[process.argv[5]]:"/backstage4j/backend"}))' \
  "$TOKEN" "127.0.0.1:$PORT" "$SAMPLE" "$TMP" "$HERE")"

B4J_JAVA_PLUGIN_PORT="${B4J_JAVA_PLUGIN_PORT:-7999}" BACKSTAGE_PORT="$PORT" BACKSTAGE_TOKEN="$TOKEN" B4J_SAMPLE_DIR="$SAMPLE" B4J_WORK_DIR="$TMP/work" B4J_PARENT_PID=$$ \
  node index.js --config app-config.yaml > "$TMP/backend.log" 2>&1 < /dev/null &
PID=$!
cleanup() {
  kill "$PID" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$PID" 2>/dev/null || break; sleep 0.25; done
  kill -9 "$PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT

AUTH=(-H "Authorization: Bearer $TOKEN")
# cap <fixture path without .json> <METHOD> <path below BASE> [json body]; extra curl args in EXTRA=(...)
EXTRA=()
cap() {
  local out="$FIX/$1.json" method="$2" path="$3" reqf=-
  local args=(-sS -D "$TMP/h" -o "$TMP/b" -X "$method" --max-time 60)
  [[ ${NOAUTH:-0} == 1 ]] || args+=("${AUTH[@]}")
  if [[ $# -ge 4 ]]; then
    printf '%s' "$4" > "$TMP/req"; reqf="$TMP/req"
    args+=(-H 'Content-Type: application/json' --data-binary @"$TMP/req")
  fi
  curl "${args[@]}" "${EXTRA[@]}" "$BASE$path"
  node "$HERE/fixture.js" "$out" "$method" "$path" "$reqf" "$TMP/h" "$TMP/b"
  EXTRA=()
}
# body <fixture path without .json> <js expression over d = response body>
body() { node -e 'const d=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).response.body;
  const v=eval(process.argv[2]); console.log(typeof v==="string"?v:JSON.stringify(v))' "$FIX/$1.json" "$2"; }
enc() { node -e 'console.log(encodeURIComponent(process.argv[1]))' "$1"; }
status_of() { curl -s -o /dev/null -w '%{http_code}' "${AUTH[@]}" "$BASE$1"; }
task_status() { curl -s "${AUTH[@]}" "$BASE/api/scaffolder/v2/tasks/$1" | node -e \
  'let s="";process.stdin.on("data",c=>s+=c).on("end",()=>console.log(JSON.parse(s).status))'; }
await_task() { for _ in $(seq 1 240); do case "$(task_status "$1")" in completed|failed|cancelled) return;; esac; sleep 0.25; done; }

echo "waiting for the backend on $BASE ..."
for _ in $(seq 1 240); do [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/.backstage/health/v1/readiness")" == 200 ]] && break; sleep 0.25; done
for ref in template/default/docs-site component/finance/ledger-export user/default/erin; do
  for _ in $(seq 1 240); do [[ "$(status_of "/api/catalog/entities/by-name/$ref")" == 200 ]] && break; sleep 0.25; done
done
sleep 3   # let relations settle
rm -rf "$FIX/catalog" "$FIX/scaffolder"

C=/api/catalog
S=/api/scaffolder
echo "--- catalog"
NOAUTH=1 cap catalog/errors/no-token-401 GET "$C/entities?limit=1"
EXTRA=(-H "Authorization: Bearer wrong-token-0123456789"); NOAUTH=1 cap catalog/errors/wrong-token-401 GET "$C/entities?limit=1"
NOAUTH=1 cap catalog/errors/readiness-no-token GET "/.backstage/health/v1/readiness"
EXTRA=(-H 'Content-Type: text/plain' --data-binary 'x'); cap catalog/errors/wrong-content-type-400 POST "$C/entities/by-refs"

cap catalog/get-entities/all GET "$C/entities"
cap catalog/get-entities/limit-fields GET "$C/entities?filter=kind=component&fields=kind,metadata.name&order=asc:metadata.name&limit=3"
next="$(node -e 'const l=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).response.headers.link||"";
  const m=/<([^>]*)>;\s*rel="next"/.exec(l); console.log(m?m[1]:"")' "$FIX/catalog/get-entities/limit-fields.json")"
[[ -n "$next" ]] && cap catalog/get-entities/after-cursor GET "$C$next"
cap catalog/get-entities/offset GET "$C/entities?filter=kind=component&fields=metadata.name&order=asc:metadata.name&offset=3&limit=3"
cap catalog/get-entities/filter-or-order GET "$C/entities?filter=kind=component,spec.lifecycle=production&filter=kind=api&fields=kind,metadata.name,spec.lifecycle&order=desc:metadata.name"
cap catalog/get-entities/filter-exists-and-namespace GET "$C/entities?filter=metadata.namespace=finance&fields=kind,metadata.namespace,metadata.name"
cap catalog/get-entities/empty-after-400 GET "$C/entities?after="

cap catalog/get-entities-by-query/first-page GET "$C/entities/by-query?filter=kind=component&orderField=metadata.name,asc&fields=kind,metadata.name&limit=3"
cursor="$(body catalog/get-entities-by-query/first-page 'd.pageInfo.nextCursor')"
cap catalog/get-entities-by-query/next-page GET "$C/entities/by-query?cursor=$(enc "$cursor")&fields=kind,metadata.name&limit=3"
prev="$(body catalog/get-entities-by-query/next-page 'd.pageInfo.prevCursor')"
cap catalog/get-entities-by-query/prev-page GET "$C/entities/by-query?cursor=$(enc "$prev")&fields=kind,metadata.name&limit=3"
cap catalog/get-entities-by-query/last-page GET "$C/entities/by-query?filter=kind=group&orderField=metadata.name,asc&fields=metadata.name&limit=10"
cap catalog/get-entities-by-query/full-text GET "$C/entities/by-query?filter=kind=component&fullTextFilterTerm=payments&fullTextFilterFields=metadata.name,metadata.description&fields=metadata.name"
cap catalog/get-entities-by-query/total-items-exclude GET "$C/entities/by-query?filter=kind=domain&totalItems=exclude&fields=metadata.name"
cap catalog/get-entities-by-query/no-match GET "$C/entities/by-query?filter=kind=component,metadata.name=nothing-here"
cap catalog/get-entities-by-query/malformed-cursor-400 GET "$C/entities/by-query?cursor=not-a-cursor"
cap catalog/get-entities-by-query/bad-limit-400 GET "$C/entities/by-query?limit=abc"
cap catalog/post-entities-by-query/predicate POST "$C/entities/by-query" \
  '{"query":{"$all":[{"kind":"component"},{"spec.lifecycle":{"$in":["production","deprecated"]}}]},"orderBy":[{"field":"metadata.name","order":"asc"}],"fields":["kind","metadata.name","spec.lifecycle"],"limit":3}'

cap catalog/get-entity-by-name/component GET "$C/entities/by-name/component/default/payments-service"
cap catalog/get-entity-by-name/other-namespace GET "$C/entities/by-name/component/finance/ledger-export"
cap catalog/get-entity-by-name/incomplete-component GET "$C/entities/by-name/component/default/recommendation-model"
cap catalog/get-entity-by-name/group GET "$C/entities/by-name/group/default/engineering"
cap catalog/get-entity-by-name/user GET "$C/entities/by-name/user/default/dave"
cap catalog/get-entity-by-name/api GET "$C/entities/by-name/api/default/payments-api"
cap catalog/get-entity-by-name/template GET "$C/entities/by-name/template/default/create-service"
cap catalog/get-entity-by-name/location GET "$C/entities/by-name/location/default/backstage4j-sample"
cap catalog/get-entity-by-name/mixed-case GET "$C/entities/by-name/Component/Default/Payments-Service"
cap catalog/get-entity-by-name/unknown-404 GET "$C/entities/by-name/component/default/no-such-component"
uid="$(body catalog/get-entity-by-name/component 'd.metadata.uid')"
cap catalog/get-entity-by-uid/ok GET "$C/entities/by-uid/$uid"
cap catalog/get-entity-by-uid/unknown-404 GET "$C/entities/by-uid/00000000-0000-0000-0000-000000000000"
cap catalog/get-entity-ancestry/ok GET "$C/entities/by-name/component/default/payments-service/ancestry"
cap catalog/get-entity-ancestry/unknown-404 GET "$C/entities/by-name/component/default/no-such-component/ancestry"

cap catalog/post-entities-by-refs/with-unknown POST "$C/entities/by-refs" \
  '{"entityRefs":["component:default/payments-service","component:default/no-such-component","user:default/alice"]}'
cap catalog/post-entities-by-refs/with-fields POST "$C/entities/by-refs" \
  '{"entityRefs":["component:default/payments-service","api:default/payments-api"],"fields":["kind","metadata.name","spec.owner"]}'
cap catalog/post-entities-by-refs/with-filter POST "$C/entities/by-refs?filter=kind=component" \
  '{"entityRefs":["component:default/payments-service","api:default/payments-api"],"fields":["metadata.name"]}'
cap catalog/post-entities-by-refs/malformed-400 POST "$C/entities/by-refs" '{"refs":["component:default/x"]}'

cap catalog/get-entity-facets/kind-and-type GET "$C/entity-facets?facet=kind&facet=spec.type"
cap catalog/get-entity-facets/with-filter GET "$C/entity-facets?facet=spec.lifecycle&facet=metadata.tags&filter=kind=component"
cap catalog/get-entity-facets/missing-facet-400 GET "$C/entity-facets"
cap catalog/post-entity-facets/predicate POST "$C/entity-facets" '{"facets":["spec.owner"],"query":{"kind":"component"}}'

cap catalog/post-refresh/ok POST "$C/refresh" '{"entityRef":"component:default/payments-service"}'
cap catalog/post-refresh/unknown-404 POST "$C/refresh" '{"entityRef":"component:default/no-such-component"}'

valid='{"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"valid-one"},"spec":{"type":"service","lifecycle":"production","owner":"group:default/web-team"}}'
cap catalog/post-validate-entity/valid POST "$C/validate-entity" "{\"entity\":$valid,\"location\":\"url:https://git.tinyshop.example/valid-one/catalog-info.yaml\"}"
cap catalog/post-validate-entity/invalid-name-400 POST "$C/validate-entity" \
  '{"entity":{"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"Not Valid!"},"spec":{"type":"service","lifecycle":"production","owner":"group:default/web-team"}},"location":"url:https://git.tinyshop.example/x/catalog-info.yaml"}'
cap catalog/post-validate-entity/missing-spec-field-400 POST "$C/validate-entity" \
  '{"entity":{"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"no-owner"},"spec":{"type":"service","lifecycle":"production"}},"location":"url:https://git.tinyshop.example/x/catalog-info.yaml"}'
cap catalog/post-validate-entity/unknown-kind-400 POST "$C/validate-entity" \
  '{"entity":{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{}},"location":"url:https://git.tinyshop.example/x/catalog-info.yaml"}'
cap catalog/post-validate-entity/missing-location-400 POST "$C/validate-entity" "{\"entity\":$valid}"
cap catalog/post-analyze-location/url POST "$C/analyze-location" \
  '{"location":{"type":"url","target":"https://git.tinyshop.example/new-thing/blob/main/catalog-info.yaml"}}'

cat > "$TMP/extra/catalog-info.yaml" <<'YAML'
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: fixture-extra
  description: Registered at runtime by capture-fixtures.sh
spec:
  type: service
  lifecycle: experimental
  owner: group:default/web-team
YAML
loc="{\"type\":\"file\",\"target\":\"$TMP/extra/catalog-info.yaml\"}"
cap catalog/post-locations/dry-run POST "$C/locations?dryRun=true" "$loc"
cap catalog/post-locations/created-201 POST "$C/locations" "$loc"
id="$(body catalog/post-locations/created-201 'd.location.id')"
cap catalog/post-locations/conflict-409 POST "$C/locations" "$loc"
cap catalog/post-locations/unknown-key-400 POST "$C/locations" "{\"type\":\"file\",\"target\":\"$TMP/x.yaml\",\"bogus\":true}"
cap catalog/post-locations/disallowed-type-400 POST "$C/locations" '{"type":"github","target":"https://example.com/x.yaml"}'
cap catalog/get-locations/list GET "$C/locations"
cap catalog/post-locations-by-query/all POST "$C/locations/by-query" '{"limit":10}'
cap catalog/get-location/ok GET "$C/locations/$id"
cap catalog/get-location/unknown-404 GET "$C/locations/00000000-0000-0000-0000-000000000000"
for _ in $(seq 1 120); do [[ "$(status_of "$C/entities/by-name/component/default/fixture-extra")" == 200 ]] && break; sleep 0.25; done
cap catalog/get-location-by-entity/ok GET "$C/locations/by-entity/component/default/fixture-extra"
cap catalog/get-location-by-entity/config-location-404 GET "$C/locations/by-entity/component/default/payments-service"
cap catalog/get-entity-by-name/registered-at-runtime GET "$C/entities/by-name/component/default/fixture-extra"
xuid="$(body catalog/get-entity-by-name/registered-at-runtime 'd.metadata.uid')"
cap catalog/delete-entity-by-uid/ok-204 DELETE "$C/entities/by-uid/$xuid"
cap catalog/delete-entity-by-uid/unknown-204 DELETE "$C/entities/by-uid/00000000-0000-0000-0000-000000000000"
cap catalog/put-location/ok PUT "$C/locations/$id" "$loc"
cap catalog/delete-location/ok-204 DELETE "$C/locations/$id"
cap catalog/delete-location/again-404 DELETE "$C/locations/$id"

echo "--- scaffolder"
cap scaffolder/get-actions/list GET "$S/v2/actions"
cap scaffolder/get-parameter-schema/create-service GET "$S/v2/templates/default/template/create-service/parameter-schema"
cap scaffolder/get-parameter-schema/docs-site GET "$S/v2/templates/default/template/docs-site/parameter-schema"
cap scaffolder/get-parameter-schema/unknown-404 GET "$S/v2/templates/default/template/no-such-template/parameter-schema"
cap scaffolder/get-templating-extensions/ok GET "$S/v2/templating-extensions"

cap scaffolder/post-tasks/created-201 POST "$S/v2/tasks" \
  '{"templateRef":"template:default/create-service","values":{"name":"demo-service","description":"A demo","owner":"group:default/web-team"},"secrets":{"API_KEY":"s3cr3t-value"}}'
task="$(body scaffolder/post-tasks/created-201 'd.id')"
cap scaffolder/post-tasks/invalid-values-400 POST "$S/v2/tasks" \
  '{"templateRef":"template:default/create-service","values":{"name":"Not Valid","owner":"group:default/web-team"}}'
cap scaffolder/post-tasks/missing-required-400 POST "$S/v2/tasks" '{"templateRef":"template:default/create-service","values":{}}'
cap scaffolder/post-tasks/unknown-template-404 POST "$S/v2/tasks" '{"templateRef":"template:default/no-such-template","values":{}}'
await_task "$task"
cap scaffolder/get-task/completed GET "$S/v2/tasks/$task"
cap scaffolder/get-task/unknown-404 GET "$S/v2/tasks/00000000-0000-0000-0000-000000000000"
cap scaffolder/get-task-events/all GET "$S/v2/tasks/$task/events"
mid="$(body scaffolder/get-task-events/all 'd[Math.floor(d.length/2)].id')"
cap scaffolder/get-task-events/after GET "$S/v2/tasks/$task/events?after=$mid"
cap scaffolder/get-task-eventstream/completed GET "$S/v2/tasks/$task/eventstream"

cap scaffolder/post-tasks/docs-site-201 POST "$S/v2/tasks" '{"templateRef":"template:default/docs-site","values":{"name":"demo-docs","owner":"group:default/web-team"}}'
docs="$(body scaffolder/post-tasks/docs-site-201 'd.id')"
await_task "$docs"
cap scaffolder/get-task/docs-site-completed GET "$S/v2/tasks/$docs"

cap scaffolder/post-tasks/long-running-201 POST "$S/v2/tasks" \
  '{"templateRef":"template:default/create-service","values":{"name":"slow-service","owner":"group:default/web-team","waitSeconds":60}}'
slow="$(body scaffolder/post-tasks/long-running-201 'd.id')"
for _ in $(seq 1 80); do [[ "$(task_status "$slow")" == processing ]] && break; sleep 0.25; done
sleep 2
cap scaffolder/get-task/processing GET "$S/v2/tasks/$slow"
cap scaffolder/post-task-cancel/ok POST "$S/v2/tasks/$slow/cancel"
await_task "$slow"
cap scaffolder/get-task/cancelled GET "$S/v2/tasks/$slow"
cap scaffolder/get-task-events/cancelled GET "$S/v2/tasks/$slow/events"
cap scaffolder/post-task-cancel/unknown-404 POST "$S/v2/tasks/00000000-0000-0000-0000-000000000000/cancel"
cap scaffolder/post-task-retry/ok-201 POST "$S/v2/tasks/$slow/retry" '{}'
sleep 1
cap scaffolder/post-task-cancel/after-retry POST "$S/v2/tasks/$slow/cancel"
await_task "$slow"

cap scaffolder/get-tasks/list GET "$S/v2/tasks"
cap scaffolder/get-tasks/paged-ordered GET "$S/v2/tasks?limit=2&offset=1&order=desc:created_at"
cap scaffolder/get-tasks/by-status GET "$S/v2/tasks?status=completed"
cap scaffolder/get-tasks/bad-order-400 GET "$S/v2/tasks?order=desc:bogus"

tpl="$(curl -s "${AUTH[@]}" "$BASE$C/entities/by-name/template/default/create-service")"
dry="$(node -e '
  const fs=require("fs"), path=require("path");
  const dir=path.join(process.argv[1],"templates/create-service");
  const files=["skeleton/catalog-info.yaml","skeleton/README.md"].map(p=>({path:p,base64Content:fs.readFileSync(path.join(dir,p)).toString("base64")}));
  console.log(JSON.stringify({template:JSON.parse(process.argv[2]),values:{name:"dry-service",description:"Dry run",owner:"group:default/web-team"},directoryContents:files}));
' "$SAMPLE" "$tpl")"
cap scaffolder/post-dry-run/create-service POST "$S/v2/dry-run" "$dry"
cap scaffolder/post-dry-run/invalid-values-400 POST "$S/v2/dry-run" "$(node -e 'const d=JSON.parse(process.argv[1]); d.values={}; console.log(JSON.stringify(d))' "$dry")"
cap scaffolder/post-dry-run/not-a-template-400 POST "$S/v2/dry-run" "{\"template\":$valid,\"values\":{},\"directoryContents\":[]}"
cap scaffolder/post-autocomplete/unknown-provider POST "$S/v2/autocomplete/no-such-provider/repositories" '{"token":"x","context":{}}'

node "$HERE/fixture-index.js" "$FIX"
echo "fixtures written to $FIX"
