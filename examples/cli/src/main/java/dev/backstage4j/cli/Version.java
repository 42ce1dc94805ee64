package dev.backstage4j.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints the version from the jar manifest ("dev" when run from classes). */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Version.class.getPackage().getImplementationVersion();
    return new String[] {"backstage4j " + (v == null ? "dev" : v), "Java " + System.getProperty("java.version")};
  }
}
