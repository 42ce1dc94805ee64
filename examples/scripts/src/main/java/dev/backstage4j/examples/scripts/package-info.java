/**
 * Short scripts for team chores, each a {@code main} you run from {@code target/scripts.jar}:
 * {@link dev.backstage4j.examples.scripts.UnownedComponents}, {@link dev.backstage4j.examples.scripts.BulkRegister}
 * and {@link dev.backstage4j.examples.scripts.TeamKpisCsv}. They talk to {@code BACKSTAGE_URL} with
 * {@code BACKSTAGE_TOKEN}, or to the embedded testkit seeded with the sample organisation when no URL is set.
 */
package dev.backstage4j.examples.scripts;
