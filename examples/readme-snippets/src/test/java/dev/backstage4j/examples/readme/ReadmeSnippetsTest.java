package dev.backstage4j.examples.readme;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Compiles every {@code ```java} block of the READMEs (the repository's and the library modules') against the SDK, so a snippet that no longer
 * matches the API fails the build and names its README line. A block that declares a class is compiled as a
 * file; any other block becomes the body of a method of a {@link SnippetContext} subclass, which supplies the
 * names a snippet takes as given. Every public backstage4j package is imported, as an IDE would.
 */
class ReadmeSnippetsTest {
  private static final Path REPO = Path.of("..", "..");
  private static final List<String> JDK_IMPORTS = List.of("java.io", "java.net", "java.nio.file", "java.time",
      "java.util", "java.util.concurrent", "org.junit.jupiter.api", "io.micrometer.core.instrument");

  @Test
  void everyJavaSnippetOfTheReadmeCompiles() throws IOException {
    List<Snippet> snippets = snippets(REPO.resolve("README.md"));
    assertTrue(snippets.size() >= 10, "the README's Java snippets were found: " + snippets.size());
    compile(snippets);
  }

  @Test
  void everyJavaSnippetOfTheModuleReadmesCompiles() throws IOException {
    List<Snippet> snippets = new ArrayList<>();
    // Not conformance/README.md: its one block sketches the shape of a contract test for contributors.
    for (String module : List.of("adoption-metrics", "scaffolder-client", "testkit")) {
      snippets.addAll(snippets(REPO.resolve(module).resolve("README.md")));
    }
    assertTrue(snippets.size() >= 5, "the module READMEs' Java snippets were found: " + snippets.size());
    compile(snippets);
  }

  private static void compile(List<Snippet> snippets) throws IOException {

    String imports = imports();
    List<JavaFileObject> sources = new ArrayList<>();
    for (Snippet s : snippets) {
      sources.add(s.source(imports));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> problems = new DiagnosticCollector<>();
    Path out = Files.createTempDirectory("readme-snippets");
    try (StandardJavaFileManager files = javac.getStandardFileManager(problems, Locale.ROOT, null)) {
      List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(),
          "-proc:none", "-Xlint:none");
      javac.getTask(null, files, problems, options, null, sources).call();
    }
    List<String> errors = problems.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> ((Snippet.Source) d.getSource()).where(d.getLineNumber()) + ": " + d.getMessage(Locale.ROOT))
        .collect(Collectors.toList());
    assertTrue(errors.isEmpty(), errors.size() + " README snippet error(s):\n" + String.join("\n", errors));
  }

  /** The ```java blocks of {@code file}, each with the line its code starts on. */
  private static List<Snippet> snippets(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<Snippet> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("```java")) {
        int start = i + 1;
        int end = start;
        while (end < lines.size() && !lines.get(end).strip().equals("```")) {
          end++;
        }
        found.add(new Snippet(file, start + 1, lines.subList(start, end)));
        i = end;
      }
    }
    return found;
  }

  /** Wildcard imports of every public backstage4j package on the class path (never {@code *.internal}). */
  private static String imports() {
    TreeSet<String> packages = new TreeSet<>(JDK_IMPORTS);
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path p = Path.of(entry);
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.map(f -> p.relativize(f).toString().replace('\\', '/')).forEach(f -> addPackage(packages, f));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else if (entry.endsWith(".jar") && Files.exists(p) && p.getFileName().toString().startsWith("backstage4j-")) {
        try (JarFile jar = new JarFile(p.toFile())) {
          jar.stream().forEach(e -> addPackage(packages, e.getName()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return packages.stream().map(pkg -> "import " + pkg + ".*;").collect(Collectors.joining(" "))
        + " import static org.junit.jupiter.api.Assertions.*;";
  }

  private static void addPackage(TreeSet<String> packages, String classFile) {
    if (classFile.startsWith("dev/backstage4j/") && classFile.endsWith(".class") && !classFile.contains("internal")
        && !classFile.contains("/examples/") && !classFile.contains("/cli/")) {
      packages.add(classFile.substring(0, classFile.lastIndexOf('/')).replace('/', '.'));
    }
  }

  /** One code block and where it starts in the README. */
  private static final class Snippet {
    private final Path file;
    private final int firstLine;
    private final List<String> code;

    Snippet(Path file, int firstLine, List<String> code) {
      this.file = file.normalize();
      this.firstLine = firstLine;
      this.code = code;
    }

    /** A block declaring a class (the JUnit example) is a file of its own; anything else a method body. */
    boolean declaresClass() {
      return code.stream().anyMatch(l -> l.startsWith("class ") || l.startsWith("public class "));
    }

    Source source(String imports) {
      String name = file.toString().replaceAll("[^A-Za-z0-9]", "_") + "_line" + firstLine;
      String body = String.join("\n", code);
      // Everything on the first line, so the snippet's lines keep their numbers (offset by one).
      String text = declaresClass()
          ? "package dev.backstage4j.examples.readme; " + imports + "\n"
              + body.replaceFirst("(?m)^(public )?class \\w+", "class " + name)
          : "package dev.backstage4j.examples.readme; " + imports + " abstract class " + name
              + " extends SnippetContext { void run() throws Exception {\n" + body + "\n}}";
      return new Source(name, text, file, firstLine);
    }

    static final class Source extends SimpleJavaFileObject {
      private final String text;
      private final Path readme;
      private final int readmeFirstLine;

      Source(String name, String text, Path readme, int readmeFirstLine) {
        super(URI.create("string:///dev/backstage4j/examples/readme/" + name + ".java"), Kind.SOURCE);
        this.text = text;
        this.readme = readme;
        this.readmeFirstLine = readmeFirstLine;
      }

      /** {@return the README file and line that {@code sourceLine} of the generated source came from} */
      String where(long sourceLine) {
        return readme + ":" + (readmeFirstLine + sourceLine - 2);
      }

      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    }
  }
}
