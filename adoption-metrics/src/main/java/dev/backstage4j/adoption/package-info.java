/**
 * Measures and drives Backstage adoption: scorecards with levels, adoption KPIs, roll-ups, reports, snapshots
 * and a CI gate. See the module README for the scorecard file format.
 */
package dev.backstage4j.adoption;
