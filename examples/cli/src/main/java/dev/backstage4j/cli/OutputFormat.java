package dev.backstage4j.cli;

/** How results are printed on stdout. */
enum OutputFormat {
  TABLE, JSON, YAML
}
