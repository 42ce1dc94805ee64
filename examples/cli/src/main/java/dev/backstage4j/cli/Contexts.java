package dev.backstage4j.cli;

import dev.backstage4j.catalog.model.internal.YamlTreeReader;
import dev.backstage4j.catalog.model.internal.YamlWriter;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Named backends, like kubeconfig contexts or {@code gh auth}: a YAML file ({@code $BACKSTAGE4J_CONFIG}, else
 * {@code $XDG_CONFIG_HOME/backstage4j/config.yaml}, else {@code ~/.config/backstage4j/config.yaml}) such as
 * <pre>
 * current-context: staging
 * contexts:
 *   staging:
 *     url: https://backstage.staging.example.com
 *     token-env: STAGING_BACKSTAGE_TOKEN        # the token from this environment variable
 *   production:
 *     url: https://backstage.example.com
 *     token-command: vault read -field=token secret/backstage   # or printed by this command
 * </pre>
 * A literal {@code token:} is accepted too, but the file need not hold one.
 */
final class Contexts {
  static final String CURRENT = "current-context";

  final Path file;
  final Map<String, Object> tree;

  private Contexts(Path file, Map<String, Object> tree) {
    this.file = file;
    this.tree = tree;
  }

  static Path location(Map<String, String> env) {
    String explicit = env.get("BACKSTAGE4J_CONFIG");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("backstage4j").resolve("config.yaml");
  }

  @SuppressWarnings("unchecked")
  static Contexts load(Map<String, String> env) {
    Path file = location(env);
    Map<String, Object> tree = new LinkedHashMap<>();
    if (Files.isRegularFile(file)) {
      try {
        YamlTreeReader.Document d = new YamlTreeReader(new StringReader(Files.readString(file,
            StandardCharsets.UTF_8)), 1 << 20, 16, 10, 10_000).next();
        if (d != null && d.root instanceof Map) {
          tree = copy((Map<String, Object>) d.root);
        } else if (d != null && d.root != null) {
          throw CliException.usage(file + " must hold a mapping (current-context, contexts)");
        }
      } catch (IOException e) {
        throw CliException.usage("cannot read " + file + ": " + e.getMessage());
      } catch (YamlTreeReader.Failure f) {
        throw CliException.usage(file + ":" + f.line + ":" + f.column + ": " + f.getMessage());
      }
    }
    return new Contexts(file, tree);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copy(Map<String, Object> in) {
    Map<String, Object> out = new LinkedHashMap<>();
    in.forEach((k, v) -> out.put(k, v instanceof Map ? copy((Map<String, Object>) v) : v));
    return out;
  }

  String current() {
    Object c = tree.get(CURRENT);
    return c == null ? null : String.valueOf(c);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> all() {
    Object c = tree.get("contexts");
    if (c == null) {
      c = new LinkedHashMap<String, Object>();
      tree.put("contexts", c);
    }
    if (!(c instanceof Map)) {
      throw CliException.usage(file + ": 'contexts' must be a mapping of names to contexts");
    }
    return (Map<String, Object>) c;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> get(String name) {
    Object c = all().get(name);
    if (!(c instanceof Map)) {
      throw CliException.usage("no context '" + name + "' in " + file + " (see 'backstage4j context list')");
    }
    return (Map<String, Object>) c;
  }

  String url(String name) {
    Object url = get(name).get("url");
    if (url == null) {
      throw CliException.usage("context '" + name + "' in " + file + " has no url");
    }
    return String.valueOf(url);
  }

  /** The context's token: a literal, an environment variable, or what a command prints; null when it names none. */
  String token(String name, Map<String, String> env) {
    Map<String, Object> c = get(name);
    if (c.get("token") != null) {
      return String.valueOf(c.get("token"));
    }
    if (c.get("token-env") != null) {
      String var = String.valueOf(c.get("token-env"));
      String v = env.get(var);
      if (v == null || v.isBlank()) {
        throw CliException.usage("context '" + name + "' takes its token from $" + var + ", which is not set");
      }
      return v.strip();
    }
    if (c.get("token-command") != null) {
      return run(name, String.valueOf(c.get("token-command")));
    }
    return null;
  }

  private static String run(String context, String command) {
    try {
      Process p = new ProcessBuilder("sh", "-c", command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw CliException.usage("context '" + context + "': token-command did not finish within 30 s");
      }
      if (p.exitValue() != 0 || out.isEmpty()) {
        // Never echo its output: it may hold a partial secret.
        throw CliException.usage("context '" + context + "': token-command exited with " + p.exitValue()
            + (out.isEmpty() ? " and printed nothing" : ""));
      }
      return out;
    } catch (IOException e) {
      throw CliException.usage("context '" + context + "': cannot run token-command: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.usage("context '" + context + "': interrupted while running token-command");
    }
  }

  void save() {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, YamlWriter.write(tree), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CliException.usage("cannot write " + file + ": " + e.getMessage());
    }
  }
}
