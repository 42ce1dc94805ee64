#!/usr/bin/env bash
# Runs every benchmark harness of backstage4j and prints their figures. Not part of CI (numbers need a quiet
# machine; CI only checks behaviour). Usage: bench/run-all.sh [--skip-build]
# Build output goes to target-bench/ in each module, so it does not disturb a normal build. The modules are built
# in one reactor (never `mvn install`: ~/.m2 stays free of our snapshots), which also writes each module's test
# class path to target-bench/test-classpath.txt; --skip-build reuses both.
set -euo pipefail
cd "$(dirname "$0")/.."
B=target-bench
if [[ "${1:-}" != "--skip-build" ]]; then
  echo "== building (tests skipped) ..."
  mvn -B -ntp -q -Dstyle.color=never -Db4j.buildDir=$B -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip \
    -pl catalog-client,testkit,adoption-metrics,examples/cli -am \
    package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=$B/test-classpath.txt
fi
cp_of() {  # test classpath of a module: its classes, its test classes and its dependencies (sibling modules as
           # the jars of the same reactor build)
  local m=$1
  echo "$m/$B/test-classes:$m/$B/classes:$(cat "$m/$B/test-classpath.txt")"
}
run() {  # prints the harness and its arguments, not the long classpath
  local shown=() skip=0 arg
  for arg in "${@:2}"; do
    if ((skip)); then skip=0; shown+=("<classpath>"); continue; fi
    [[ "$arg" == -cp ]] && skip=1
    shown+=("$arg")
  done
  echo; echo "== $1 ${shown[*]}"; "$@"
}

CAT=$(cp_of catalog-client)
run java -Xmx64m -cp "$CAT" dev.backstage4j.catalog.model.ValidationBenchmark 100000
run java -Xmx64m -cp "$CAT" dev.backstage4j.catalog.CatalogStreamBenchmark 100000 9
PLG=$(cp_of plugin)
run java -cp "$PLG" dev.backstage4j.plugin.ActionsListBenchmark 1 500
run java -cp "$PLG" dev.backstage4j.plugin.ActionsListBenchmark 8 500
KIT=$(cp_of testkit)
run java -cp "$KIT" dev.backstage4j.testkit.PerfHarness 10000
run java -cp "$KIT" dev.backstage4j.testkit.ExitTimeHarness 5
ADO=$(cp_of adoption-metrics)
run java -Xmx256m -cp "$ADO" dev.backstage4j.adoption.ScorecardBenchmark 100000 7
run java -cp "$ADO" dev.backstage4j.adoption.events.EmitBenchmark
run java -cp examples/cli/$B/test-classes dev.backstage4j.cli.ColdStartHarness examples/cli/$B/backstage4j.jar 15
