/**
 * The {@code backstage4j} command line: catalog, templates, tasks and adoption reports, against a Backstage
 * backend ({@code --url}) or the embedded testkit seeded with the sample organisation (the default).
 *
 * <p>Run {@code java -jar backstage4j.jar --help}. Exit codes are listed in {@link dev.backstage4j.cli.ExitCodes}.
 */
package dev.backstage4j.cli;
