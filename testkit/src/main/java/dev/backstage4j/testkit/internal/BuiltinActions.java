package dev.backstage4j.testkit.internal;

import dev.backstage4j.catalog.model.internal.YamlWriter;
import dev.backstage4j.testkit.ActionContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The built-in actions the fake implements: debug:log, debug:wait, fetch:plain, fetch:plain:file, fetch:template,
 * fetch:template:file, catalog:write, catalog:fetch, fs:delete, fs:rename, fs:readdir. Fetches read the template's
 * own folder (or, in a dry run, the posted directoryContents); remote URLs are not fetched.
 */
final class BuiltinActions {
  static final ThreadLocal<Path> BASE_DIR = new ThreadLocal<>();
  static final ThreadLocal<SortedMap<String, byte[]>> DRY_RUN_FILES = new ThreadLocal<>();

  private BuiltinActions() {
  }

  private static Map<String, Object> schema(Object... props) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (int i = 0; i < props.length; i += 3) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("type", props[i + 1]);
      p.put("description", props[i + 2]);
      properties.put((String) props[i], p);
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "object");
    s.put("properties", properties);
    s.put("$schema", "http://json-schema.org/draft-07/schema#");
    return s;
  }

  static void register(Scaffolder s, CatalogStore store) {
    s.add(new Scaffolder.Action("debug:log", "Writes a message into the log and/or lists all files in the workspace.",
        schema("message", "string", "Message to output.", "listWorkspace", "boolean",
            "List all files in the workspace, if used with \"with-contents\", also the file contents."),
        true, ctx -> {
          if (ctx.input().get("message") != null) {
            ctx.log(Templating.toText(ctx.input().get("message")));
          }
          Object lw = ctx.input().get("listWorkspace");
          if (Boolean.TRUE.equals(lw) || "with-filenames".equals(lw) || "with-contents".equals(lw)) {
            StringBuilder sb = new StringBuilder("Workspace:");
            for (String f : ctx.files()) {
              sb.append("\n  - ").append(f);
              if ("with-contents".equals(lw)) {
                sb.append(":\n").append(ctx.readFile(f));
              }
            }
            ctx.log(sb.toString());
          }
        }));
    s.add(new Scaffolder.Action("debug:wait", "Waits for a certain period of time.",
        schema("minutes", "number", "Waiting period in minutes.", "seconds", "number", "Waiting period in seconds.",
            "milliseconds", "number", "Waiting period in milliseconds."),
        false, ctx -> {
          double ms = num(ctx.input().get("minutes")) * 60_000 + num(ctx.input().get("seconds")) * 1000
              + num(ctx.input().get("milliseconds"));
          if (ms > 600_000) {
            throw new IllegalArgumentException("Waiting duration is longer than the maximum threshold of 10 minutes");
          }
          Thread.sleep((long) ms);
        }));
    s.add(new Scaffolder.Action("fetch:plain", "Downloads content and places it in the workspace, or optionally "
        + "in a subdirectory specified by the `targetPath` input option.",
        schema("url", "string", "Relative path or absolute URL pointing to the directory tree to fetch",
            "targetPath", "string", "Target path within the working directory to download the contents to."),
        true, ctx -> {
          ctx.log("Fetching plain content from remote URL");
          copy(ctx, str(ctx, "url"), str(ctx, "targetPath"), null);
        }));
    s.add(new Scaffolder.Action("fetch:plain:file", "Downloads single file and places it in the workspace.",
        schema("url", "string", "Relative path or absolute URL pointing to the single file to fetch.",
            "targetPath", "string", "Target path within the working directory to download the file as."),
        true, ctx -> {
          ctx.log("Fetching plain content from remote URL");
          copyFile(ctx, str(ctx, "url"), required(ctx, "targetPath"), null);
        }));
    s.add(new Scaffolder.Action("fetch:template", "Downloads a skeleton, templates variables into file and "
        + "directory names and content, and places the result in the workspace, or optionally in a subdirectory "
        + "specified by the `targetPath` input option.",
        schema("url", "string", "Relative path or absolute URL pointing to the directory tree to fetch",
            "targetPath", "string", "Target path within the working directory to generate contents to.",
            "values", "object", "Values to pass on to the templating engine"),
        true, ctx -> {
          ctx.log("Fetching template content from remote URL");
          ctx.log("Listing files and directories in template");
          copy(ctx, str(ctx, "url"), str(ctx, "targetPath"), values(ctx));
        }));
    s.add(new Scaffolder.Action("fetch:template:file", "Downloads single file and places it in the workspace.",
        schema("url", "string", "Relative path or absolute URL pointing to the single file to fetch.",
            "targetPath", "string", "Target path within the working directory to download the file as.",
            "values", "object", "Values to pass on to the templating engine"),
        true, ctx -> {
          ctx.log("Fetching template content from remote URL");
          copyFile(ctx, str(ctx, "url"), required(ctx, "targetPath"), values(ctx));
        }));
    s.add(new Scaffolder.Action("catalog:write", "Writes the catalog-info.yaml for your template",
        schema("filePath", "string", "Defaults to catalog-info.yaml", "entity", "object",
            "You can provide the same values used in the Entity schema."),
        true, ctx -> {
          String path = ctx.input().get("filePath") == null ? "catalog-info.yaml" : str(ctx, "filePath");
          ctx.log("Writing " + path);
          ctx.writeFile(path, YamlWriter.write(ctx.input().get("entity")));
        }));
    s.add(new Scaffolder.Action("catalog:fetch", "Returns entity or entities from the catalog by entity reference(s)",
        schema("entityRef", "string", "Entity reference of the entity to get", "entityRefs", "array",
            "Entity references of the entities to get", "optional", "boolean",
            "Allow the entity or entities to optionally exist. Default: false"),
        true, ctx -> {
          boolean optional = Boolean.TRUE.equals(ctx.input().get("optional"));
          if (ctx.input().get("entityRef") instanceof String ref) {
            Map<String, Object> e = store.entity(dev.backstage4j.catalog.model.EntityRef.parse(ref,
                str(ctx, "defaultKind"), str(ctx, "defaultNamespace")).toString());
            if (e == null && !optional) {
              throw new IllegalStateException("Entity " + ref + " not found");
            }
            ctx.output("entity", e);
          }
          if (ctx.input().get("entityRefs") instanceof List<?> refs) {
            List<Object> out = new ArrayList<>();
            for (Object r : refs) {
              Map<String, Object> e = store.entity(String.valueOf(r));
              if (e == null && !optional) {
                throw new IllegalStateException("Entity " + r + " not found");
              }
              out.add(e);
            }
            ctx.output("entities", out);
          }
        }));
    s.add(new Scaffolder.Action("fs:delete", "Deletes files and directories from the workspace",
        schema("files", "array", "A list of files and directories that will be deleted"),
        true, ctx -> {
          for (Object f : list(ctx, "files")) {
            String p = clean(String.valueOf(f));
            ctx.files().stream().filter(x -> x.equals(p) || x.startsWith(p + "/")).forEach(ctx::deleteFile);
            ctx.log("File " + p + " deleted successfully");
          }
        }));
    s.add(new Scaffolder.Action("fs:rename", "Renames files and directories within the workspace",
        schema("files", "array", "A list of file and directory names that will be renamed"),
        true, ctx -> {
          for (Object o : list(ctx, "files")) {
            Map<?, ?> f = (Map<?, ?>) o;
            String from = clean(String.valueOf(f.get("from")));
            String to = clean(String.valueOf(f.get("to")));
            boolean found = false;
            for (String x : ctx.files()) {
              if (x.equals(from) || x.startsWith(from + "/")) {
                String content = ctx.readFile(x);
                ctx.deleteFile(x);
                ctx.writeFile(to + x.substring(from.length()), content);
                found = true;
              }
            }
            if (!found) {
              throw new IllegalArgumentException("File " + from + " does not exist");
            }
          }
        }));
    s.add(new Scaffolder.Action("fs:readdir", "Reads files and directories from the workspace",
        schema("paths", "array", "A list of paths to read"),
        true, ctx -> {
          Map<String, Object> out = new LinkedHashMap<>();
          for (Object o : list(ctx, "paths")) {
            String p = clean(String.valueOf(o));
            List<Object> files = new ArrayList<>();
            for (String x : ctx.files()) {
              if (p.isEmpty() || x.startsWith(p + "/")) {
                String rel = p.isEmpty() ? x : x.substring(p.length() + 1);
                if (!rel.contains("/")) {
                  files.add(Map.of("name", rel, "path", x, "fullPath", x));
                }
              }
            }
            out.put(p, Map.of("files", files, "folders", List.of()));
          }
          ctx.output("files", out);
        }));
  }


  private static double num(Object o) {
    if (o == null) {
      return 0;
    }
    if (o instanceof Number n) {
      return n.doubleValue();
    }
    return Double.parseDouble(String.valueOf(o));
  }

  private static String str(ActionContext ctx, String key) {
    Object v = ctx.input().get(key);
    return v == null ? null : String.valueOf(v);
  }

  private static String required(ActionContext ctx, String key) {
    String v = str(ctx, key);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException("Missing required input '" + key + "'");
    }
    return v;
  }

  private static List<?> list(ActionContext ctx, String key) {
    if (ctx.input().get(key) instanceof List<?> l) {
      return l;
    }
    throw new IllegalArgumentException("files must be an Array");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> values(ActionContext ctx) {
    return ctx.input().get("values") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  static String clean(String p) {
    String s = p.replace('\\', '/');
    while (s.startsWith("./")) {
      s = s.substring(2);
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.equals(".")) {
      return "";
    }
    if (s.startsWith("/") || s.equals("..") || s.startsWith("../") || s.contains("/../")) {
      throw new IllegalArgumentException("Relative path is not allowed to refer to a directory outside its parent");
    }
    return s;
  }

  /** Reads the files under a template-relative folder: from disk (or jar), or from dry-run directoryContents. */
  private static SortedMap<String, byte[]> source(String url) {
    if (url == null) {
      throw new IllegalArgumentException("Missing required input 'url'");
    }
    if (url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      throw new IllegalStateException("FakeBackstage does not fetch remote URLs (" + url + "); use a path relative "
          + "to the template");
    }
    String rel = clean(url);
    SortedMap<String, byte[]> out = new TreeMap<>();
    SortedMap<String, byte[]> dry = DRY_RUN_FILES.get();
    if (dry != null) {
      dry.forEach((p, b) -> {
        String cp = clean(p);
        if (rel.isEmpty() || cp.startsWith(rel + "/")) {
          out.put(rel.isEmpty() ? cp : cp.substring(rel.length() + 1), b);
        } else if (cp.equals(rel)) {
          out.put("", b);
        }
      });
      return out;
    }
    Path base = BASE_DIR.get();
    if (base == null) {
      throw new IllegalStateException("The template has no folder to fetch " + url + " from (it was not loaded "
          + "from a file)");
    }
    Path dir = rel.isEmpty() ? base : base.resolve(rel);
    Future<SortedMap<String, byte[]>> read = READER.submit(() -> readFiles(url, dir));
    try {
      return read.get();
    } catch (InterruptedException e) { // the task was cancelled: the read finishes on its own thread
      read.cancel(false);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fetching " + url, e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  /**
   * Reads template files on threads that a task's cancel never interrupts: an interrupt during a read closes the
   * channel of a jar's zip file system (the sample templates inside the testkit jar), and the whole JVM could then
   * no longer read the testkit's resources (ClosedChannelException).
   */
  private static final ExecutorService READER = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-backstage-template-reader");
    t.setDaemon(true);
    return t;
  });

  private static SortedMap<String, byte[]> readFiles(String url, Path dir) {
    SortedMap<String, byte[]> out = new TreeMap<>();
    if (Files.isRegularFile(dir)) {
      out.put("", read(dir));
      return out;
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("Failed to fetch " + url + ": no such file or directory");
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile).forEach(p -> out.put(dir.relativize(p).toString().replace('\\', '/'),
          read(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(ActionContext ctx, String url, String targetPath, Map<String, Object> values) {
    String target = targetPath == null ? "" : clean(targetPath);
    SortedMap<String, byte[]> files = source(url);
    if (values != null) {
      ctx.log("Processing " + files.size() + " template files/directories with input values");
    }
    Map<String, Object> tctx = values == null ? null : Map.of("values", values);
    files.forEach((path, bytes) -> {
      String outPath = values == null ? path : Templating.toText(Templating.renderString(path, tctx));
      String full = target.isEmpty() ? outPath : target + "/" + outPath;
      if (values == null) {
        ctx.writeFile(full, bytes);
      } else {
        String text = new String(bytes, StandardCharsets.UTF_8);
        ctx.writeFile(full, Templating.toText(Templating.renderString(text, tctx)));
        ctx.log("Writing file " + full + " to template output path with mode 33188.");
      }
    });
    if (values != null) {
      ctx.log("Template result written to " + (target.isEmpty() ? "." : target));
    }
  }

  private static void copyFile(ActionContext ctx, String url, String targetPath, Map<String, Object> values) {
    SortedMap<String, byte[]> files = source(url);
    byte[] bytes = files.get("");
    if (bytes == null) {
      throw new IllegalStateException("Failed to fetch " + url + ": not a file");
    }
    String target = clean(targetPath);
    if (values == null) {
      ctx.writeFile(target, bytes);
    } else {
      ctx.writeFile(target, Templating.toText(Templating.renderString(new String(bytes, StandardCharsets.UTF_8),
          Map.of("values", values))));
    }
  }
}
