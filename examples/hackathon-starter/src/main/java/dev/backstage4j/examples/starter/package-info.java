/**
 * The hackathon starter: a tiny service that embeds the backstage4j catalog client and serves "my team's
 * services and their scorecard levels" as JSON ({@code /api/services?owner=...}) and HTML ({@code /}).
 * Copy the module, change {@link dev.backstage4j.examples.starter.TeamServices}, ship.
 */
package dev.backstage4j.examples.starter;
