package dev.backstage4j.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hackathon team does, outside this repository: {@code archetype:generate} in batch mode with the archetype
 * just built, then {@code mvn verify} of the generated project, which must compile and pass its tests.
 *
 * <p>The generated project depends on this build's SNAPSHOT artifacts. They are installed into a private local
 * repository under target/ (never into the shared ~/.m2), which is seeded from the build's own local repository
 * with hard links, so both Maven runs work offline.
 */
class GeneratedProjectIT {
  private static final String VERSION = System.getProperty("b4j.version");
  private static final Path ROOT = Path.of(System.getProperty("b4j.rootDir")).toAbsolutePath().normalize();
  private static final String BUILD_DIR = System.getProperty("b4j.buildDir", "target");
  /** The artifacts the generated project needs from this build, with their parent and BOM: module folder, id. */
  private static final List<String[]> MODULES = List.of(
      new String[] {".", "backstage4j-parent"}, new String[] {"bom", "backstage4j-bom"},
      new String[] {"core", "backstage4j-core"}, new String[] {"catalog-client", "backstage4j-catalog-client"},
      new String[] {"plugin", "backstage4j-plugin"}, new String[] {"testkit", "backstage4j-testkit"},
      new String[] {"archetype", "backstage4j-plugin-archetype"});
  private static final long TIMEOUT_MINUTES = 3;

  @Test
  void generatedProject_buildsAndPassesItsTests(@TempDir Path work) throws Exception {
    Path repo = ROOT.resolve("archetype").resolve(BUILD_DIR).resolve("it-repo");
    seed(repo);
    Path logs = repo.getParent().resolve("it-logs");
    Files.createDirectories(logs);

    run(work, logs.resolve("generate.log"), "-Dmaven.repo.local=" + repo,
        "org.apache.maven.plugins:maven-archetype-plugin:" + System.getProperty("b4j.archetypePluginVersion")
            + ":generate",
        "-DarchetypeGroupId=dev.backstage4j", "-DarchetypeArtifactId=backstage4j-plugin-archetype",
        "-DarchetypeVersion=" + VERSION, "-DgroupId=com.example.hack", "-DartifactId=team-tools",
        "-Dversion=1.0.0-SNAPSHOT", "-Dpackage=com.example.hack.tools");
    Path project = work.resolve("team-tools");
    assertTrue(Files.isRegularFile(project.resolve("src/main/java/com/example/hack/tools/ExamplePlugin.java")),
        "the plugin class is generated in its package");
    String readme = Files.readString(project.resolve("README.md"));
    assertTrue(readme.startsWith("# team-tools\n"), readme);
    assertTrue(readme.contains("plugins: [team-tools]"), "the operator's discovery.endpoints lines: " + readme);
    assertTrue(readme.contains("action: team-tools:entity-owner")
        && readme.contains("${{ steps.owner.output.owner }}"), "the template step using the action: " + readme);
    assertTrue(Files.readString(project.resolve("catalog-info.yaml")).contains("name: team-tools"));
    assertTrue(Files.readString(project.resolve("pom.xml"))
        .contains("<backstage4j.version>" + VERSION + "</backstage4j.version>"), "built against this SDK version");

    run(project, logs.resolve("verify.log"), "-Dmaven.repo.local=" + repo, "verify");
    String report = Files.readString(project.resolve(
        "target/surefire-reports/com.example.hack.tools.ExamplePluginTest.txt"));
    assertTrue(report.contains("Tests run: 4, Failures: 0, Errors: 0, Skipped: 0"), report);
  }

  /**
   * Fills {@code repo} with the build's local repository (hard links for jars and poms, copies of the small
   * metadata files Maven rewrites in place) and this build's artifacts, laid out as {@code mvn install} does.
   */
  private static void seed(Path repo) throws IOException {
    deleteTree(repo);
    Path shared = Path.of(System.getProperty("b4j.localRepository"));
    Path own = Path.of("dev", "backstage4j");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(shared)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      Path relative = shared.relativize(file);
      if (relative.startsWith(own)) {
        continue; // only this build's backstage4j artifacts, never older ones someone installed
      }
      Path target = repo.resolve(relative);
      Files.createDirectories(target.getParent());
      String name = file.getFileName().toString();
      if (name.endsWith(".jar") || name.endsWith(".pom")) {
        try {
          Files.createLink(target, file);
          continue;
        } catch (FileSystemException | UnsupportedOperationException e) {
          // another file system, or no hard links: copy instead
        }
      }
      Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
    }
    for (String[] module : MODULES) {
      Path dir = repo.resolve(own).resolve(module[1]).resolve(VERSION);
      Files.createDirectories(dir);
      Path moduleDir = ROOT.resolve(module[0]);
      Files.copy(moduleDir.resolve("pom.xml"), dir.resolve(module[1] + "-" + VERSION + ".pom"));
      Path jar = moduleDir.resolve(BUILD_DIR).resolve(module[1] + "-" + VERSION + ".jar");
      if (!module[0].equals(".") && !module[0].equals("bom")) {
        assertTrue(Files.isRegularFile(jar), jar + " is built (run the reactor: mvn -pl archetype -am verify)");
        Files.copy(jar, dir.resolve(jar.getFileName()));
      }
    }
  }

  private static void run(Path dir, Path log, String... args) throws IOException, InterruptedException {
    boolean windows = System.getProperty("os.name").startsWith("Windows");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("b4j.mavenHome"), "bin", windows ? "mvn.cmd" : "mvn").toString());
    command.addAll(List.of("-B", "-o", "-ntp"));
    command.addAll(List.of(args));
    Process mvn = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!mvn.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      mvn.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " took over " + TIMEOUT_MINUTES + " min; " + log);
    }
    List<String> lines = Files.readAllLines(log);
    String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    assertEquals(0, mvn.exitValue(), String.join(" ", command) + " failed (" + log + "):\n" + tail);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
