package dev.backstage4j.cli;

import picocli.CommandLine.Command;

/** Groups the catalog commands. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
    description = "Read, register, refresh and validate catalog entities.",
    subcommands = {ValidateCommand.class})
final class CatalogCommand {
}
