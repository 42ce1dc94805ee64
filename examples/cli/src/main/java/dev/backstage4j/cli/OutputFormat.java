package dev.backstage4j.cli;

/** How results are printed on stdout; {@code JSONPATH} is {@code -o jsonpath=EXPR}. */
enum OutputFormat {
  TABLE, JSON, YAML, JSONPATH
}
