package dev.backstage4j.catalog.model;

import dev.backstage4j.catalog.model.internal.YamlTreeReader;
import dev.backstage4j.catalog.model.internal.YamlWriter;
import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads and writes catalog-info.yaml files: single or multi-document YAML, each document one entity.
 *
 * <p>Reading follows Backstage: YAML 1.2 scalars ({@code yes} and {@code on} are strings), aliases expanded,
 * empty documents skipped, duplicate keys rejected. Every document is validated with {@link EntityValidator}, and
 * every violation carries the {@code file:line:column} of the offending field (or of its nearest parent when the
 * field is missing). Unreadable input raises {@link CatalogYamlException} naming the place. Reading is safe for
 * untrusted files: no Java types are instantiated from tags, and the file size, document size, nesting depth,
 * alias count and expanded value count are limited, so an alias bomb or a huge document fails fast with a clear
 * error instead of exhausting memory.
 *
 * <p>Writing is deterministic: root keys in the order {@code apiVersion, kind, metadata, spec, relations,
 * status}, metadata keys in the order {@code name, namespace, title, description, labels, annotations, tags,
 * links}, everything else in its existing order, strings quoted only where YAML needs it, and documents
 * separated by {@code ---} lines.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * for (CatalogDocument doc : CatalogYaml.create().read(Path.of("catalog-info.yaml"))) {
 *   doc.validation().violations().forEach(System.err::println);  // catalog-info.yaml:7:12: metadata.name: ...
 * }
 * }</pre>
 */
public final class CatalogYaml {
  private static final List<String> ROOT_ORDER = List.of("apiVersion", "kind", "metadata", "spec", "relations",
      "status");
  private static final List<String> METADATA_ORDER = List.of("name", "namespace", "title", "description",
      "labels", "annotations", "tags", "links");
  /** The default longest line: 256 Ki characters. */
  public static final int DEFAULT_MAX_LINE_CHARS = 256 * 1024;
  private static final Set<String> SKIPPED_FOLDERS = Set.of("node_modules", "target", "build", "skeleton");

  private final long maxFileChars;
  private final int maxDocumentChars;
  private final int maxLineChars;
  private final int maxDepth;
  private final int maxAliases;
  private final int maxValues;
  private final EntityValidator validator;

  private CatalogYaml(Builder b) {
    this.maxFileChars = b.maxFileChars;
    this.maxDocumentChars = b.maxDocumentChars;
    this.maxLineChars = b.maxLineChars;
    this.maxDepth = b.maxDepth;
    this.maxAliases = b.maxAliases;
    this.maxValues = b.maxValues;
    this.validator = EntityValidator.create();
  }

  /**
   * {@return a reader/writer with the default limits: files up to 256 Mi characters, documents up to 3 Mi
   * characters, 64 levels of nesting, 100 aliases and 100,000 values per document}
   */
  public static CatalogYaml create() {
    return new Builder().build();
  }

  /** {@return a builder to change the limits} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads every document of a file.
   *
   * @param file the YAML file
   * @return the documents in file order, each valid or with its violations
   * @throws CatalogYamlException if the file cannot be read or is not well-formed YAML within the limits
   */
  public List<CatalogDocument> read(Path file) {
    List<CatalogDocument> out = new ArrayList<>();
    read(file, out::add);
    return out;
  }

  /**
   * Reads every document of a file and hands them to the sink one by one, so files of any number of documents
   * can be processed in little memory.
   *
   * @param file the YAML file
   * @param sink receives each document as soon as it is read
   * @throws CatalogYamlException if the file cannot be read or is not well-formed YAML within the limits
   */
  public void read(Path file, Consumer<CatalogDocument> sink) {
    String name = file.toString();
    try (Reader r = new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), 65536)) {
      read(r, name, sink);
    } catch (CatalogYamlException e) {
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof CharacterCodingException) {
          throw notUtf8(file, e);
        }
      }
      throw e;
    } catch (CharacterCodingException e) {
      throw notUtf8(file, e);
    } catch (IOException e) {
      throw new CatalogYamlException(name, 0, 0, "cannot read file: " + e.getMessage(), e);
    }
  }

  /**
   * The decoder only says "Input length = 1"; read the file again to say where the first bad byte is (line,
   * column and byte offset), which is what someone fixing the file needs.
   */
  private static CatalogYamlException notUtf8(Path file, Exception cause) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      byte[] bytes = in.readAllBytes();
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      CharBuffer chars = CharBuffer.allocate(8192);
      while (true) {
        int before = buffer.position();
        CoderResult result = decoder.decode(buffer, chars, true);
        chars.clear();
        if (result.isError()) {
          int offset = buffer.position();
          int line = 1;
          int lineStart = 0;
          for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
              line++;
              lineStart = i + 1;
            }
          }
          int column = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8).length() + 1;
          return new CatalogYamlException(file.toString(), line, column, String.format(
              "is not valid UTF-8: byte 0x%02X at byte offset %d (catalog files are read as UTF-8, as Backstage"
                  + " reads them; save the file as UTF-8)", bytes[offset] & 0xff, offset), cause);
        }
        if (result.isUnderflow() && buffer.position() == before) {
          break;
        }
      }
    } catch (IOException e) {
      // fall through to the decoder's own words
    }
    return new CatalogYamlException(file.toString(), 0, 0, "is not valid UTF-8 (" + cause.getMessage() + ")",
        cause);
  }

  /**
   * Reads every document of YAML text; {@code fileName} is used in locations and messages.
   *
   * @param yaml the YAML text
   * @param fileName the name shown in locations and messages
   * @return the documents in text order, each valid or with its violations
   * @throws CatalogYamlException if the text is not well-formed YAML within the limits
   */
  public List<CatalogDocument> read(String yaml, String fileName) {
    List<CatalogDocument> out = new ArrayList<>();
    read(new StringReader(yaml), fileName, out::add);
    return out;
  }

  /**
   * Reads every document of a file and returns the entities, if all of them are valid.
   *
   * @param file the YAML file
   * @return the entities in file order
   * @throws InvalidEntityException listing every violation of every document with its file:line:column
   * @throws CatalogYamlException if the file cannot be read or is not well-formed YAML within the limits
   */
  public List<Entity> readEntities(Path file) {
    List<Entity> entities = new ArrayList<>();
    List<Violation> problems = new ArrayList<>();
    read(file, doc -> {
      if (doc.isValid()) {
        entities.add(doc.entity());
      } else {
        problems.addAll(doc.validation().violations());
      }
    });
    if (!problems.isEmpty()) {
      throw new InvalidEntityException(file.toString(), problems);
    }
    return entities;
  }

  private void read(Reader in, String fileName, Consumer<CatalogDocument> sink) {
    LimitedReader limited = new LimitedReader(in, maxFileChars, maxDocumentChars, maxLineChars, fileName);
    YamlTreeReader reader = new YamlTreeReader(limited, maxDocumentChars, maxDepth, maxAliases, maxValues);
    while (true) {
      YamlTreeReader.Document d;
      try {
        d = reader.next();
      } catch (YamlTreeReader.Failure f) {
        throw new CatalogYamlException(fileName, f.line, f.column, f.getMessage(), f.getCause());
      } catch (LimitExceeded e) {
        throw new CatalogYamlException(fileName, e.line, e.column, e.getMessage(), null);
      } catch (UncheckedIOException e) {
        throw new CatalogYamlException(fileName, 0, 0, e.getCause().getMessage(), e);
      }
      if (d == null) {
        return;
      }
      if (d.root == null) {
        continue; // an empty document, e.g. a trailing "---": Backstage skips it too
      }
      sink.accept(document(d, fileName));
    }
  }

  @SuppressWarnings("unchecked")
  private CatalogDocument document(YamlTreeReader.Document d, String fileName) {
    SourceLocation start = SourceLocation.of(fileName, d.line, d.column);
    if (!(d.root instanceof Map)) {
      String type = d.root instanceof List ? "array" : d.root instanceof String ? "string"
          : d.root instanceof Boolean ? "boolean" : "number";
      Violation v = Violation.of("", "expected an object (an entity) at the root of the document, found " + type)
          .at(start);
      return new CatalogDocument(Map.of(), start, new ValidationResult(Map.of(), List.of(v), start));
    }
    Map<String, Object> tree = (Map<String, Object>) d.root;
    List<Violation> found = validator.check(tree);
    List<Violation> located = new ArrayList<>(found.size());
    for (Violation v : found) {
      int[] pos = d.position(v.path());
      located.add(v.at(SourceLocation.of(fileName, pos[0], pos[1])));
    }
    return new CatalogDocument(tree, start, new ValidationResult(tree, located, start), path -> {
      int[] pos = d.position(path);
      return SourceLocation.of(fileName, pos[0], pos[1]);
    });
  }

  /**
   * {@return the YAML files ({@code *.yaml}, {@code *.yml}) below a directory in sorted order, skipping hidden
   * folders, {@code node_modules}, build output ({@code target}, {@code build}) and template {@code skeleton}
   * folders (template input, not catalog data)} A regular file is returned as the only element.
   *
   * @param fileOrDirectory a directory to search, or one file, returned as it is
   * @throws CatalogYamlException if the path does not exist or the directory cannot be listed
   */
  public static List<Path> findFiles(Path fileOrDirectory) {
    String name = fileOrDirectory.toString();
    if (Files.isRegularFile(fileOrDirectory)) {
      return List.of(fileOrDirectory);
    }
    if (!Files.isDirectory(fileOrDirectory)) {
      throw new CatalogYamlException(name, 0, 0, "no such file or directory", null);
    }
    try (Stream<Path> walk = Files.walk(fileOrDirectory)) {
      return walk.filter(f -> Files.isRegularFile(f) && isYamlFile(f) && !inSkippedFolder(fileOrDirectory, f))
          .sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      throw new CatalogYamlException(name, 0, 0, "cannot list directory: " + e.getMessage(), e);
    }
  }

  private static boolean isYamlFile(Path f) {
    String n = f.getFileName().toString();
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }

  private static boolean inSkippedFolder(Path root, Path f) {
    Path folders = root.relativize(f).getParent();
    if (folders != null) {
      for (Path part : folders) {
        String n = part.toString();
        if (n.startsWith(".") || SKIPPED_FOLDERS.contains(n)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@return the entity as a YAML document (no {@code ---} line), keys in the stable order}
   *
   * @param entity the entity to write
   * @throws IllegalArgumentException if a string holds an unpaired UTF-16 surrogate, which YAML cannot represent
   */
  public String write(Entity entity) {
    return write(List.of(entity));
  }

  /**
   * {@return the entities as a multi-document YAML text, documents separated by {@code ---} lines}
   *
   * @param entities the entities to write, in order
   * @throws IllegalArgumentException if a string holds an unpaired UTF-16 surrogate, which YAML cannot represent
   */
  public String write(List<Entity> entities) {
    StringBuilder b = new StringBuilder();
    for (Entity e : entities) {
      if (b.length() > 0) {
        b.append("---\n");
      }
      checkWritable(e.toMap(), "");
      b.append(YamlWriter.write(ordered(e.toMap())));
    }
    return b.toString();
  }

  /**
   * Writes the entities to a file as multi-document YAML (UTF-8).
   *
   * @param entities the entities to write, in order
   * @param file the file, replaced if it exists
   * @throws UncheckedIOException if the file cannot be written
   */
  public void write(List<Entity> entities, Path file) {
    try {
      Files.writeString(file, write(entities), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** YAML text is Unicode: a string with an unpaired UTF-16 surrogate has no YAML form. */
  private static void checkWritable(Object v, String path) {
    if (v instanceof String) {
      String s = (String) v;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          throw new IllegalArgumentException((path.isEmpty() ? "a key" : path)
              + " holds an unpaired UTF-16 surrogate, which YAML cannot represent");
        }
      }
    } else if (v instanceof Map) {
      for (Map.Entry<?, ?> en : ((Map<?, ?>) v).entrySet()) {
        String p = path.isEmpty() ? String.valueOf(en.getKey()) : path + "." + en.getKey();
        checkWritable(en.getKey(), path);
        checkWritable(en.getValue(), p);
      }
    } else if (v instanceof List) {
      int i = 0;
      for (Object o : (List<?>) v) {
        checkWritable(o, path + "." + i++);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> ordered(Map<String, Object> root) {
    Map<String, Object> out = reorder(root, ROOT_ORDER);
    Object md = out.get("metadata");
    if (md instanceof Map) {
      out.put("metadata", reorder((Map<String, Object>) md, METADATA_ORDER));
    }
    return out;
  }

  private static Map<String, Object> reorder(Map<String, Object> in, List<String> order) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String k : order) {
      if (in.containsKey(k)) {
        out.put(k, in.get(k));
      }
    }
    in.forEach(out::putIfAbsent);
    return out;
  }

  /** Configures the limits of a {@link CatalogYaml}. Not thread-safe. */
  public static final class Builder {
    private long maxFileChars = 256L * 1024 * 1024;
    private int maxDocumentChars = 3 * 1024 * 1024;
    private int maxLineChars = DEFAULT_MAX_LINE_CHARS;
    private int maxDepth = 64;
    private int maxAliases = 100;
    private int maxValues = 100_000;

    private Builder() {}

    /**
     * Sets the largest file, in characters, that is read.
     *
     * @param chars the limit; a larger file is refused before it is parsed
     * @return this builder, for chaining
     */
    public Builder maxFileChars(long chars) {
      this.maxFileChars = positive(chars, "maxFileChars");
      return this;
    }

    /**
     * Sets the largest single document, in characters.
     *
     * @param chars the limit; a larger document is refused
     * @return this builder, for chaining
     */
    public Builder maxDocumentChars(int chars) {
      this.maxDocumentChars = (int) positive(chars, "maxDocumentChars");
      return this;
    }

    /**
     * Sets the longest line, in characters (default {@value CatalogYaml#DEFAULT_MAX_LINE_CHARS}). The YAML
     * parser's time grows with the square of a scalar's length, so one long line could otherwise take minutes
     * before the document limit is reached.
     *
     * @param chars the limit; a longer line is refused with its file:line
     * @return this builder, for chaining
     */
    public Builder maxLineChars(int chars) {
      this.maxLineChars = (int) positive(chars, "maxLineChars");
      return this;
    }

    /**
     * Sets how deeply maps and lists may nest.
     *
     * @param depth the deepest nesting accepted
     * @return this builder, for chaining
     */
    public Builder maxDepth(int depth) {
      this.maxDepth = (int) positive(depth, "maxDepth");
      return this;
    }

    /**
     * Sets how many aliases ({@code *name}) one document may use.
     *
     * @param aliases the most aliases accepted per document
     * @return this builder, for chaining
     */
    public Builder maxAliases(int aliases) {
      this.maxAliases = (int) positive(aliases, "maxAliases");
      return this;
    }

    /**
     * Sets how many values one document may hold once aliases are expanded.
     *
     * @param values the most values accepted per document
     * @return this builder, for chaining
     */
    public Builder maxValues(int values) {
      this.maxValues = (int) positive(values, "maxValues");
      return this;
    }

    /** {@return the configured reader/writer} */
    public CatalogYaml build() {
      return new CatalogYaml(this);
    }

    private static long positive(long v, String name) {
      if (v < 1) {
        throw new IllegalArgumentException(name + " must be positive, got " + v);
      }
      return v;
    }
  }

  /**
   * Enforces the file, document and line limits on the characters themselves, before the YAML parser sees them,
   * so any input is refused in time linear in its size (the parser's own document limit is only checked after
   * work that grows with the square of a long scalar). A document starts at a line beginning with {@code ---}.
   */
  private static final class LimitedReader extends FilterReader {
    private final long maxFile;
    private final long maxDocument;
    private final long maxLine;
    private final String name;
    private long fileChars;
    private long documentChars;
    private long lineChars;
    private int line = 1;
    private int dashes;  // leading '-' of the current line so far, to spot "---"

    LimitedReader(Reader in, long maxFile, long maxDocument, long maxLine, String name) {
      super(Objects.requireNonNull(in));
      this.maxFile = maxFile;
      this.maxDocument = maxDocument;
      this.maxLine = maxLine;
      this.name = name;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        see((char) c);
      }
      return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      for (int i = 0; i < n; i++) {
        see(buf[off + i]);
      }
      return n;
    }

    private void see(char c) {
      if (++fileChars > maxFile) {
        throw new LimitExceeded(name + " is larger than the limit of " + maxFile + " characters", line, 1);
      }
      if (c == '\n') {
        line++;
        lineChars = 0;
        dashes = 0;
        documentChars++;
        return;
      }
      if (lineChars == dashes && c == '-' && ++dashes == 3) {
        documentChars = 0;  // "---": a new document begins
      }
      if (++lineChars > maxLine) {
        throw new LimitExceeded("line " + line + " is longer than the limit of " + maxLine + " characters",
            line, (int) Math.min(Integer.MAX_VALUE, lineChars));
      }
      if (++documentChars > maxDocument) {
        throw new LimitExceeded("the document reaching line " + line + " is larger than the limit of "
            + maxDocument + " characters", line, (int) Math.min(Integer.MAX_VALUE, lineChars));
      }
    }
  }

  /** A limit of {@link LimitedReader}, with where it was exceeded. */
  private static final class LimitExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;

    LimitExceeded(String message, int line, int column) {
      super(message, null, false, false);
      this.line = line;
      this.column = column;
    }
  }
}
