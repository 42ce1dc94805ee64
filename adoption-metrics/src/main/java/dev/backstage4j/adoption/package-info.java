/**
 * Measures and drives Backstage adoption: scorecards with levels, adoption KPIs, roll-ups, reports, snapshots
 * and a CI gate.
 *
 * <p>A {@link dev.backstage4j.adoption.Scorecard} holds {@link dev.backstage4j.adoption.Check}s (built-in ones
 * from {@link dev.backstage4j.adoption.Checks}, Java predicates, or conditions declared in a YAML file), ordered
 * {@link dev.backstage4j.adoption.Level}s grouped into {@link dev.backstage4j.adoption.Track}s, and
 * {@link dev.backstage4j.adoption.Exemption}s. Evaluating it streams entities once and returns an immutable
 * {@link dev.backstage4j.adoption.ScorecardResult}, which {@link dev.backstage4j.adoption.Reports} renders and
 * {@link dev.backstage4j.adoption.Snapshots} stores. {@link dev.backstage4j.adoption.Campaign}s add deadlines
 * ({@link dev.backstage4j.adoption.CampaignProgress}), and {@link dev.backstage4j.adoption.Nudges} with
 * {@link dev.backstage4j.adoption.NudgeSender} tell owners in Backstage what changed for them.
 *
 * <pre>{@code
 * EvaluationContext context = EvaluationContext.gather(groupsUsersAndSystems);
 * ScorecardResult result = Scorecard.fromYaml(Path.of("scorecard.yaml")).evaluate(allEntities, context);
 * Files.writeString(Path.of("adoption.html"), Reports.html(result));
 * }</pre>
 *
 * <h2>Scorecard file format</h2>
 * <pre>{@code
 * name: Service maturity
 * checks:
 *   - builtin: has-owner                  # id, title, fix, points, scope may be overridden
 *   - id: has-on-call
 *     title: On-call is set up
 *     fix: Add the annotation pagerduty.com/service-id.
 *     points: 2
 *     scope: {kinds: [Component], types: [service], lifecycles: [production], where: [<condition>...]}
 *     require:                            # all must hold
 *       - annotation: pagerduty.com/service-id
 * tracks:
 *   - name: Basics
 *     scope: {kinds: [Component, API]}
 *     levels:                             # lowest first
 *       - {name: Bronze, checks: [has-owner]}
 *       - {name: Gold, checks: [has-on-call]}
 * exemptions:
 *   - {entity: component:default/x, check: has-on-call, reason: Batch job, expires: 2027-03-31}
 * campaigns:                              # time-boxed pushes, measured by CampaignProgress
 *   - id: gold-by-q1
 *     title: Every service at Gold
 *     owner: platform-team
 *     scope: {kinds: [Component], types: [service], owners: [web-team]}
 *     target: {track: Basics, level: Gold}  # or {checks: [has-on-call]}
 *     start: 2027-01-04
 *     deadline: 2027-03-31
 *     exemptions: [{entity: component:default/x, reason: Being retired}]
 * }</pre>
 * Conditions: {@code annotation: key}, {@code label: key}, {@code exists: path}, {@code field: path} with one of
 * {@code equals: value}, {@code matches: regex} or {@code in: [values]}, {@code anyOf: [conditions]} and
 * {@code not: condition}. Paths are dotted ({@code spec.lifecycle}, {@code metadata.tags.0}). Mistakes raise
 * {@link dev.backstage4j.adoption.ScorecardFileException} with file and line. The module README has the details.
 */
package dev.backstage4j.adoption;
