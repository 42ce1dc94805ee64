package dev.backstage4j.testkit.internal;

import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.catalog.model.EntityValidator;
import dev.backstage4j.catalog.model.ValidationResult;
import dev.backstage4j.catalog.model.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * The in-memory catalog: entities keyed by lower-cased ref, ordered by uid (the real catalog's default order),
 * relations computed from specs as BuiltinKindsEntityProcessor does, and the registered locations.
 */
public final class CatalogStore {
  static final String MANAGED_BY = "backstage.io/managed-by-location";
  static final String ORIGIN = "backstage.io/managed-by-origin-location";

  /** A registered location ({@code id} null for seeded, config-like locations that GET /locations hides). */
  record Loc(String id, String type, String target, String entityRef) {
    String ref() {
      return type + ":" + target;
    }

    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("type", type);
      m.put("target", target);
      m.put("entityRef", entityRef);
      return m;
    }
  }

  /** Thrown when seeding finds an invalid entity or unreadable file. */
  public static final class SeedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SeedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, StoredEntity> byRef = new HashMap<>();
  private final TreeMap<String, StoredEntity> byUid = new TreeMap<>();
  private final Map<String, Loc> locations = new LinkedHashMap<>();
  private final Map<String, Loc> seeded = new LinkedHashMap<>();
  private final Map<String, Path> locationFiles = new HashMap<>();
  private final EntityValidator validator = EntityValidator.create();
  /** Entities sorted by (lower-cased field value, uid), per field, like a database index; cleared on writes. */
  private final Map<String, List<StoredEntity>> sortIndex = new java.util.concurrent.ConcurrentHashMap<>();

  // ---------------------------------------------------------------- reads

  /** Runs a read under the read lock. */
  <T> T read(java.util.function.Supplier<T> body) {
    lock.readLock().lock();
    try {
      return body.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** All entities in the default order (by uid). Call under {@link #read}. */
  Collection<StoredEntity> all() {
    return byUid.values();
  }

  StoredEntity byRef(String ref) {
    return read(() -> byRef.get(ref.toLowerCase(Locale.ROOT)));
  }

  StoredEntity byUid(String uid) {
    return read(() -> byUid.get(uid));
  }

  /** Returns the number of stored entities. */
  public int size() {
    return read(byRef::size);
  }

  List<Loc> registeredLocations() {
    return read(() -> new ArrayList<>(locations.values()));
  }

  Loc location(String id) {
    return read(() -> locations.get(id));
  }

  Loc locationByRef(String type, String target) {
    return read(() -> {
      for (Loc l : locations.values()) {
        if (l.type().equals(type) && l.target().equals(target)) {
          return l;
        }
      }
      return null;
    });
  }

  /** The file an entity was read from (templates resolve {@code ./skeleton} against its folder), or null. */
  public Path sourceOf(String ref) {
    StoredEntity e = byRef(ref);
    return e == null ? null : e.source;
  }

  /** Returns a stored entity tree by ref, or null. */
  public Map<String, Object> entity(String ref) {
    StoredEntity e = byRef(ref);
    return e == null ? null : e.entity;
  }

  // ---------------------------------------------------------------- seeding and locations

  /** Seeds a file as a config location: a generated Location entity, then the file's entities (recursively). */
  public void seedFile(Path file) {
    Loc loc = new Loc(null, "file", targetOf(file), generatedRef("file", targetOf(file)));
    List<String> errors = new ArrayList<>();
    List<StoredEntity> read = readRoot(loc, file, errors);
    if (!errors.isEmpty()) {
      throw new SeedException(String.join("\n", errors), null);
    }
    write(() -> {
      seeded.put(loc.ref(), loc);
      locationFiles.put(loc.ref(), file);
      replaceOrigin(loc.ref(), read);
    });
  }

  /** Seeds entity trees directly (no location, no location annotations). */
  public void seedEntities(List<Map<String, Object>> trees, String what) {
    List<StoredEntity> out = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Map<String, Object> tree : trees) {
      StoredEntity e = process(tree, null, null, null, null, what, errors);
      if (e != null) {
        out.add(e);
      }
    }
    if (!errors.isEmpty()) {
      throw new SeedException(String.join("\n", errors), null);
    }
    write(() -> {
      for (StoredEntity e : out) {
        insert(e);
      }
      recomputeRelations();
    });
  }

  /**
   * Registers a location like POST /locations (non dry-run); returns it. An existing one is a conflict, or with
   * {@code refreshIfExists} (onConflict=refresh) is read again and returned, as the real catalog does.
   */
  Loc register(String type, String target, boolean refreshIfExists) {
    Path file = type.equals("file") ? Path.of(target) : null;
    String id = UUID.randomUUID().toString();
    Loc loc = new Loc(id, type, target, generatedRef(type, target));
    List<StoredEntity> read = file != null && Files.isRegularFile(file)
        ? readRoot(loc, file, new ArrayList<>()) : List.of();
    lock.writeLock().lock();
    try {
      Loc existing = locationByRefLocked(type, target);
      if (existing != null && refreshIfExists) {
        replaceOrigin(existing.ref(), read); // same type and target, so the same origin and entities
        return existing;
      }
      if (existing != null) {
        throw ApiFailure.conflict("Location " + type + ":" + target + " already exists");
      }
      locations.put(id, loc);
      if (file != null) {
        locationFiles.put(loc.ref(), file);
      }
      replaceOrigin(loc.ref(), read);
    } finally {
      lock.writeLock().unlock();
    }
    return loc;
  }

  /** Reads a location without storing it (dry run): the entities it would produce, processed. */
  List<Map<String, Object>> dryRun(String type, String target) {
    Path file = Path.of(target);
    Loc loc = new Loc(type + ":" + target, type, target, generatedRef(type, target));
    List<String> errors = new ArrayList<>();
    List<StoredEntity> read = Files.isRegularFile(file) ? readRoot(loc, file, errors) : List.of();
    if (!errors.isEmpty()) {
      throw new ApiFailure(500, "Error", errors.get(0));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (StoredEntity e : read) {
      out.add(e.processed);
    }
    return out;
  }

  private Loc locationByRefLocked(String type, String target) {
    for (Loc l : locations.values()) {
      if (l.type().equals(type) && l.target().equals(target)) {
        return l;
      }
    }
    return null;
  }

  /** Deletes a registered location and the entities it kept alive; false if unknown. */
  boolean deleteLocation(String id) {
    lock.writeLock().lock();
    try {
      Loc loc = locations.remove(id);
      if (loc == null) {
        return false;
      }
      locationFiles.remove(loc.ref());
      replaceOrigin(loc.ref(), List.of());
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Points a registered location at a new type/target (PUT /locations/{id}); null if unknown. */
  Loc update(String id, String type, String target) {
    lock.writeLock().lock();
    try {
      // As the real DefaultLocationStore: the conflict check comes before the id lookup.
      Loc clash = locationByRefLocked(type, target);
      if (clash != null && !clash.id().equals(id)) {
        throw ApiFailure.conflict("Location " + type + ":" + target + " already exists");
      }
      Loc old = locations.get(id);
      if (old == null) {
        return null;
      }
      locations.remove(id);
      locationFiles.remove(old.ref());
      replaceOrigin(old.ref(), List.of());
    } finally {
      lock.writeLock().unlock();
    }
    Path file = type.equals("file") ? Path.of(target) : null;
    Loc loc = new Loc(id, type, target, generatedRef(type, target));
    List<StoredEntity> read = file != null && Files.isRegularFile(file)
        ? readRoot(loc, file, new ArrayList<>()) : List.of();
    write(() -> {
      locations.put(id, loc);
      if (file != null) {
        locationFiles.put(loc.ref(), file);
      }
      replaceOrigin(loc.ref(), read);
    });
    return loc;
  }

  private static final java.util.concurrent.ScheduledExecutorService REPROCESS =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-backstage-reprocess");
        t.setDaemon(true);
        return t;
      });

  /**
   * Deletes one entity by uid (DELETE /entities/by-uid); unknown uids are ignored. As in the real catalog, an
   * entity whose location still emits it comes back (with a new uid) when that location is processed again,
   * about a second later.
   */
  void deleteByUid(String uid) {
    StoredEntity[] removed = new StoredEntity[1];
    write(() -> {
      StoredEntity e = byUid.remove(uid);
      if (e != null) {
        byRef.remove(e.ref);
        recomputeRelations();
        removed[0] = e;
      }
    });
    if (removed[0] != null && removed[0].origin != null) {
      StoredEntity e = removed[0];
      REPROCESS.schedule(() -> {
        try {
          refresh(e);
        } catch (RuntimeException ignored) {
          // the location may be gone by then
        }
      }, 1, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  /** Re-reads the location that produced an entity (POST /refresh); entities from builders are left as is. */
  void refresh(StoredEntity e) {
    if (e.origin == null) {
      return;
    }
    Path file;
    Loc loc;
    lock.readLock().lock();
    try {
      file = locationFiles.get(e.origin);
      loc = seeded.get(e.origin);
      if (loc == null) {
        for (Loc l : locations.values()) {
          if (l.ref().equals(e.origin)) {
            loc = l;
          }
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    if (file == null || loc == null) {
      return;
    }
    List<StoredEntity> read = Files.isRegularFile(file) ? readRoot(loc, file, new ArrayList<>()) : List.of();
    String origin = loc.ref();
    write(() -> replaceOrigin(origin, read));
  }

  private void write(Runnable body) {
    lock.writeLock().lock();
    try {
      body.run();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Replaces every entity that came from {@code origin} with {@code fresh}, keeping uids of unchanged refs. */
  private void replaceOrigin(String origin, List<StoredEntity> fresh) {
    Map<String, String> oldUids = new HashMap<>();
    for (StoredEntity e : new ArrayList<>(byRef.values())) {
      if (origin.equals(e.origin)) {
        oldUids.put(e.ref, e.uid);
        byRef.remove(e.ref);
        byUid.remove(e.uid);
      }
    }
    for (StoredEntity e : fresh) {
      if (byRef.containsKey(e.ref)) {
        continue; // conflict: another location owns this ref; the real catalog keeps the first
      }
      String uid = oldUids.get(e.ref);
      insert(uid == null ? e : e.withUid(uid));
    }
    recomputeRelations();
  }

  private void insert(StoredEntity e) {
    StoredEntity old = byRef.put(e.ref, e);
    if (old != null) {
      byUid.remove(old.uid);
    }
    byUid.put(e.uid, e);
  }

  static String targetOf(Path file) {
    return "file".equals(file.getFileSystem().provider().getScheme())
        ? file.toAbsolutePath().normalize().toString() : file.toUri().toString();
  }

  static String generatedRef(String type, String target) {
    return "location:default/" + generatedName(type, target);
  }

  static String generatedName(String type, String target) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return "generated-" + HexFormat.of().formatHex(sha1.digest((type + ":" + target)
          .getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a root location: its generated Location entity, then the file's entities. */
  private List<StoredEntity> readRoot(Loc loc, Path file, List<String> errors) {
    List<StoredEntity> out = new ArrayList<>();
    String locRef = loc.ref();
    Map<String, Object> generated = new LinkedHashMap<>();
    generated.put("apiVersion", "backstage.io/v1alpha1");
    generated.put("kind", "Location");
    Map<String, Object> md = new LinkedHashMap<>();
    md.put("name", generatedName(loc.type(), loc.target()));
    md.put("namespace", "default");
    generated.put("metadata", md);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("type", loc.type());
    spec.put("target", loc.target());
    generated.put("spec", spec);
    StoredEntity gen = process(generated, locRef, locRef, null, null, locRef, errors);
    if (gen == null) {
      return out;
    }
    out.add(gen);
    readFile(file, locRef, gen.ref, out, errors, new LinkedHashSet<>());
    return out;
  }

  private void readFile(Path file, String origin, String parentRef, List<StoredEntity> out, List<String> errors,
      Set<Path> seen) {
    if (!seen.add(file.toAbsolutePath().normalize())) {
      return;
    }
    String locRef = "file:" + targetOf(file);
    List<Object> docs;
    try {
      docs = parseDocuments(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException ex) {
      errors.add(locRef + ": cannot read YAML: " + ex.getMessage());
      return;
    }
    // validation is the costly part of processing: check all documents in parallel, then process in order
    List<List<Violation>> checked = java.util.stream.IntStream.range(0, docs.size()).parallel()
        .mapToObj(i -> docs.get(i) instanceof Map<?, ?> m ? validate(castMap(m)) : List.<Violation>of())
        .toList();
    for (int i = 0; i < docs.size(); i++) {
      if (!(docs.get(i) instanceof Map<?, ?>)) {
        errors.add(locRef + ": document " + (i + 1) + " is not an object");
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> tree = (Map<String, Object>) docs.get(i);
      StoredEntity e = process(tree, checked.get(i), locRef, origin, parentRef, file,
          locRef + " (document " + (i + 1) + ")", errors);
      if (e == null) {
        continue;
      }
      out.add(e);
      if ("location".equalsIgnoreCase(e.kind())) {
        Map<String, Object> spec = Json.map(e.processed, "spec");
        List<String> targets = new ArrayList<>();
        if (Json.str(spec, "target") != null) {
          targets.add(Json.str(spec, "target"));
        }
        if (spec != null && spec.get("targets") instanceof List<?> l) {
          l.forEach(t -> targets.add(String.valueOf(t)));
        }
        Path dir = file.toAbsolutePath().getParent();
        for (String t : targets) {
          Path child = dir.resolve(t.startsWith("./") ? t.substring(2) : t).normalize();
          if (Files.isRegularFile(child)) {
            readFile(child, origin, e.ref, out, errors, seen);
          }
        }
      }
    }
  }

  /** Validates and normalizes one entity as the catalog's processing does; null (with an error) if invalid. */
  StoredEntity process(Map<String, Object> raw, String locRef, String origin, String parentRef, Path source,
      String what, List<String> errors) {
    return process(raw, validate(raw), locRef, origin, parentRef, source, what, errors);
  }

  private StoredEntity process(Map<String, Object> raw, List<Violation> violations, String locRef, String origin,
      String parentRef, Path source, String what, List<String> errors) {
    if (!violations.isEmpty()) {
      StringBuilder sb = new StringBuilder("Invalid entity in " + what + ":");
      for (Violation v : violations) {
        sb.append("\n  ").append(v);
      }
      errors.add(sb.toString());
      return null;
    }
    Map<String, Object> tree = Json.deepCopy(raw);
    @SuppressWarnings("unchecked")
    Map<String, Object> md = (Map<String, Object>) tree.get("metadata");
    Map<String, Object> newMd = new LinkedHashMap<>();
    newMd.put("namespace", md.getOrDefault("namespace", EntityRef.DEFAULT_NAMESPACE));
    Map<String, Object> annotations = new LinkedHashMap<>();
    if (locRef != null) {
      annotations.put(MANAGED_BY, locRef);
      annotations.put(ORIGIN, origin);
    }
    if (md.get("annotations") instanceof Map<?, ?> a) {
      a.forEach((k, v) -> annotations.putIfAbsent(String.valueOf(k), v));
    }
    if (!annotations.isEmpty()) {
      newMd.put("annotations", annotations);
    }
    md.forEach((k, v) -> {
      if (!k.equals("namespace") && !k.equals("annotations") && !k.equals("uid") && !k.equals("etag")) {
        newMd.put(k, v);
      }
    });
    Map<String, Object> entity = new LinkedHashMap<>();
    entity.put("metadata", newMd);
    tree.forEach((k, v) -> {
      if (!k.equals("metadata")) {
        entity.put(k, v);
      }
    });
    String ref = EntityRef.of((String) entity.get("kind"), (String) newMd.get("namespace"),
        (String) newMd.get("name")).toString();
    return new StoredEntity(ref, UUID.randomUUID().toString(), entity, locRef, origin, parentRef, source);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  /**
   * Parses a multi-document YAML text; big texts are cut at {@code ---} lines in column 0 (always document
   * separators in YAML) and the chunks parsed in parallel, keeping document order.
   */
  static List<Object> parseDocuments(String text) throws IOException {
    if (text.length() < 256 * 1024) {
      return Json.readYamlDocuments(text);
    }
    List<String> chunks = new ArrayList<>();
    int start = 0;
    int pos = 0;
    while (pos < text.length()) {
      int eol = text.indexOf('\n', pos);
      int next = eol < 0 ? text.length() : eol + 1;
      if (pos - start >= 64 * 1024 && text.startsWith("---", pos) && text.substring(pos, next).trim().equals("---")) {
        chunks.add(text.substring(start, pos));
        start = pos;
      }
      pos = next;
    }
    chunks.add(text.substring(start));
    List<List<Object>> parsed = chunks.parallelStream().map(c -> {
      try {
        return Json.readYamlDocuments(c);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).toList();
    List<Object> out = new ArrayList<>();
    parsed.forEach(out::addAll);
    return out;
  }

  /** The validator's verdict on a raw entity tree. */
  List<Violation> validate(Map<String, Object> raw) {
    ValidationResult r = validator.validate(raw);
    return r.violations();
  }

  // ---------------------------------------------------------------- relations

  /** Entities having the field, sorted ascending by its lower-cased value then uid; cached until the next write. */
  List<StoredEntity> sortedBy(String field) {
    String key = field.toLowerCase(Locale.ROOT);
    List<StoredEntity> cached = sortIndex.get(key);
    if (cached != null) {
      return cached;
    }
    return read(() -> {
      List<StoredEntity> list = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      for (StoredEntity e : byUid.values()) {
        String v = e.sortValue(key);
        if (v != null) {
          list.add(e);
          keys.add(v);
        }
      }
      Integer[] order = new Integer[list.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, (a, b) -> {
        int c = keys.get(a).compareTo(keys.get(b));
        return c != 0 ? c : list.get(a).uid.compareTo(list.get(b).uid);
      });
      List<StoredEntity> sorted = new ArrayList<>(order.length);
      for (Integer i : order) {
        sorted.add(list.get(i));
      }
      List<StoredEntity> result = java.util.Collections.unmodifiableList(sorted);
      sortIndex.put(key, result);
      return result;
    });
  }

  private void recomputeRelations() {
    sortIndex.clear();
    Map<String, Set<List<String>>> bySource = new HashMap<>();
    for (StoredEntity e : byRef.values()) {
      emitRelations(e, (rel) -> {
        bySource.computeIfAbsent(rel[0], k -> new LinkedHashSet<>()).add(List.of(rel[1], rel[2]));
        bySource.computeIfAbsent(rel[2], k -> new LinkedHashSet<>()).add(List.of(rel[3], rel[0]));
      });
    }
    Comparator<List<String>> order = Comparator.<List<String>, String>comparing(l -> l.get(0))
        .thenComparing(l -> l.get(1));
    byRef.values().parallelStream().forEach(e -> {
      List<List<String>> rels = new ArrayList<>(bySource.getOrDefault(e.ref, Set.of()));
      rels.sort(order);
      List<Map<String, Object>> relations = new ArrayList<>(rels.size());
      for (List<String> r : rels) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", r.get(0));
        m.put("targetRef", r.get(1));
        relations.add(m);
      }
      if (e.entity != null && relations.equals(e.entity.get("relations"))) {
        return;
      }
      Map<String, Object> full = new LinkedHashMap<>();
      e.processed.forEach((k, v) -> full.put(k, v));
      @SuppressWarnings("unchecked")
      Map<String, Object> md = new LinkedHashMap<>((Map<String, Object>) e.processed.get("metadata"));
      md.put("uid", e.uid);
      full.put("metadata", md);
      full.put("relations", relations);
      md.put("etag", etag(full));
      e.publish(full, StoredEntity.buildIndex(full, relations));
    });
  }

  private static String etag(Map<String, Object> entity) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(sha1.digest(Json.write(entity)));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** Emits {source, type, target, reverseType} as BuiltinKindsEntityProcessor does. */
  private static void emitRelations(StoredEntity e, Consumer<String[]> sink) {
    Map<String, Object> spec = Json.map(e.processed, "spec");
    String kind = e.kind() == null ? "" : e.kind().toLowerCase(Locale.ROOT);
    String ns = Json.str(Json.map(e.processed, "metadata"), "namespace");
    if (spec == null) {
      return;
    }
    Emitter em = new Emitter(e.ref, ns, spec, sink);
    switch (kind) {
      case "component" -> {
        em.emit("owner", "Group", "ownedBy", "ownerOf");
        em.emit("subcomponentOf", "Component", "partOf", "hasPart");
        em.emit("providesApis", "API", "providesApi", "apiProvidedBy");
        em.emit("consumesApis", "API", "consumesApi", "apiConsumedBy");
        em.emit("dependsOn", null, "dependsOn", "dependencyOf");
        em.emit("dependencyOf", null, "dependencyOf", "dependsOn");
        em.emit("system", "System", "partOf", "hasPart");
      }
      case "api" -> {
        em.emit("owner", "Group", "ownedBy", "ownerOf");
        em.emit("system", "System", "partOf", "hasPart");
      }
      case "resource" -> {
        em.emit("owner", "Group", "ownedBy", "ownerOf");
        em.emit("dependsOn", null, "dependsOn", "dependencyOf");
        em.emit("dependencyOf", null, "dependencyOf", "dependsOn");
        em.emit("system", "System", "partOf", "hasPart");
      }
      case "system" -> {
        em.emit("owner", "Group", "ownedBy", "ownerOf");
        em.emit("domain", "Domain", "partOf", "hasPart");
      }
      case "domain" -> {
        em.emit("owner", "Group", "ownedBy", "ownerOf");
        em.emit("subdomainOf", "Domain", "partOf", "hasPart");
      }
      case "user" -> em.emit("memberOf", "Group", "memberOf", "hasMember");
      case "group" -> {
        em.emit("parent", "Group", "childOf", "parentOf");
        em.emit("children", "Group", "parentOf", "childOf");
        em.emit("members", "User", "hasMember", "memberOf");
      }
      case "template" -> em.emit("owner", "Group", "ownedBy", "ownerOf");
      default -> {
      }
    }
  }

  private record Emitter(String self, String ns, Map<String, Object> spec, Consumer<String[]> sink) {
    void emit(String field, String defaultKind, String type, String reverse) {
      Object v = spec.get(field);
      List<Object> values = v instanceof List<?> l ? new ArrayList<>(l) : v == null ? List.of() : List.of(v);
      for (Object target : values) {
        if (!(target instanceof String s) || s.isEmpty()) {
          continue;
        }
        String ref;
        try {
          ref = EntityRef.parse(s, defaultKind, ns).toString();
        } catch (RuntimeException ex) {
          continue; // the real processor fails this entity's processing; its other relations are kept stale
        }
        sink.accept(new String[] {self, type, ref, reverse});
      }
    }
  }
}
