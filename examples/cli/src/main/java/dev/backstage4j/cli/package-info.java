/**
 * The {@code backstage4j} command line: catalog, templates, tasks and adoption reports, against a Backstage
 * backend ({@code --url}) or the embedded testkit seeded with the sample organisation (the default).
 *
 * <p>Run {@code java -jar backstage4j.jar --help}. Exit codes are listed in {@link dev.backstage4j.cli.ExitCodes}.
 *
 * <p>How it is put together: {@link dev.backstage4j.cli.Main} picks the group and the command by their words and
 * lets Apache Commons CLI parse the options ({@code DefaultParser}); each command is a small
 * {@code Command} subclass that declares its options and parameters and reads the parsed values from an
 * {@code Invocation}; {@code Help} prints the help of every level. {@code --help} loads no command group, no Jackson
 * and no HTTP client, so it starts fast.
 */
package dev.backstage4j.cli;
