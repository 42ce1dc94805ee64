#!/usr/bin/env bash
# Checks that the build is reproducible: builds every jar twice, at different times, into separate folders
# (target-repro1/, target-repro2/ in each module) and compares them byte for byte. Prints one line per jar and
# exits non-zero if any differs. Not part of .ci/run (it doubles the build time). Usage: .ci/check-reproducible.sh
# (on a clean clone, so nothing changes between the two builds). Every module is built, conformance too: the
# spring-boot-starter tests use its test-jar; with tests skipped it starts no backend and installs no npm package.
set -euo pipefail
cd "$(dirname "$0")/.."
for dir in target-repro1 target-repro2; do
  echo "== building into */$dir (tests skipped) ..."
  mvn -B -ntp -q -Db4j.buildDir=$dir -DskipTests package
  sleep 2   # a second apart at least, so a clock-dependent entry would differ
done
same=0 differ=0
while IFS= read -r first; do
  second=${first/target-repro1/target-repro2}
  if cmp -s "$first" "$second"; then
    same=$((same + 1)); echo "same    $first"
  else
    differ=$((differ + 1)); echo "DIFFERS $first"
  fi
done < <(find . -path '*/target-repro1/*' -name '*.jar' -not -path '*/node_modules/*' | sort)
echo "$same jars identical, $differ differ"
[[ $differ -eq 0 && $same -gt 0 ]]
