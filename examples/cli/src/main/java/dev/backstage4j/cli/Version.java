package dev.backstage4j.cli;

/** The version from the jar manifest ("dev" when run from classes), and the Java running it. */
final class Version {
  private Version() {
  }

  static String text() {
    String v = Version.class.getPackage().getImplementationVersion();
    return "backstage4j " + (v == null ? "dev" : v) + System.lineSeparator() + "Java "
        + System.getProperty("java.version");
  }
}
