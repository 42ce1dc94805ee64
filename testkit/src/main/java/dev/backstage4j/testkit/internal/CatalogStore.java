package dev.backstage4j.testkit.internal;

import dev.backstage4j.catalog.model.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-memory catalog: entities keyed by lower-cased ref, ordered by uid (the real catalog's default order),
 * and the registered locations, behind one read/write lock. Reading locations is {@link LocationReader}'s job,
 * processing {@link EntityProcessor}'s and relations {@link Relations}'.
 */
public final class CatalogStore {
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
  private final Map<String, StoredLocation> locations = new LinkedHashMap<>();
  private final Map<String, StoredLocation> seeded = new LinkedHashMap<>();
  private final Map<String, Path> locationFiles = new HashMap<>();
  private final EntityProcessor processor = new EntityProcessor();
  private final LocationReader reader = new LocationReader(processor);
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

  /** {@return the number of stored entities} */
  public int size() {
    return read(byRef::size);
  }

  List<StoredLocation> registeredLocations() {
    return read(() -> new ArrayList<>(locations.values()));
  }

  StoredLocation location(String id) {
    return read(() -> locations.get(id));
  }

  StoredLocation locationByRef(String type, String target) {
    return read(() -> {
      for (StoredLocation l : locations.values()) {
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

  /** {@return a stored entity tree by ref, or null} */
  public Map<String, Object> entity(String ref) {
    StoredEntity e = byRef(ref);
    return e == null ? null : e.entity;
  }

  // ---------------------------------------------------------------- seeding and locations

  /** Seeds a file as a config location: a generated Location entity, then the file's entities (recursively). */
  public void seedFile(Path file) {
    StoredLocation loc = new StoredLocation(null, "file", LocationReader.targetOf(file), LocationReader.generatedRef("file", LocationReader.targetOf(file)));
    List<String> errors = new ArrayList<>();
    List<StoredEntity> read = reader.readRoot(loc, file, errors);
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
      StoredEntity e = processor.process(tree, null, null, null, null, what, errors);
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
  StoredLocation register(String type, String target, boolean refreshIfExists) {
    Path file = type.equals("file") ? Path.of(target) : null;
    String id = UUID.randomUUID().toString();
    StoredLocation loc = new StoredLocation(id, type, target, LocationReader.generatedRef(type, target));
    List<StoredEntity> read = file != null && Files.isRegularFile(file)
        ? reader.readRoot(loc, file, new ArrayList<>()) : List.of();
    lock.writeLock().lock();
    try {
      StoredLocation existing = locationByRefLocked(type, target);
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
    StoredLocation loc = new StoredLocation(type + ":" + target, type, target, LocationReader.generatedRef(type, target));
    List<String> errors = new ArrayList<>();
    List<StoredEntity> read = Files.isRegularFile(file) ? reader.readRoot(loc, file, errors) : List.of();
    if (!errors.isEmpty()) {
      throw new ApiFailure(500, "Error", errors.get(0));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (StoredEntity e : read) {
      out.add(e.processed);
    }
    return out;
  }

  private StoredLocation locationByRefLocked(String type, String target) {
    for (StoredLocation l : locations.values()) {
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
      StoredLocation loc = locations.remove(id);
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
  StoredLocation update(String id, String type, String target) {
    lock.writeLock().lock();
    try {
      // As the real DefaultLocationStore: the conflict check comes before the id lookup.
      StoredLocation clash = locationByRefLocked(type, target);
      if (clash != null && !clash.id().equals(id)) {
        throw ApiFailure.conflict("Location " + type + ":" + target + " already exists");
      }
      StoredLocation old = locations.get(id);
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
    StoredLocation loc = new StoredLocation(id, type, target, LocationReader.generatedRef(type, target));
    List<StoredEntity> read = file != null && Files.isRegularFile(file)
        ? reader.readRoot(loc, file, new ArrayList<>()) : List.of();
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
    StoredLocation loc;
    lock.readLock().lock();
    try {
      file = locationFiles.get(e.origin);
      loc = seeded.get(e.origin);
      if (loc == null) {
        for (StoredLocation l : locations.values()) {
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
    List<StoredEntity> read = Files.isRegularFile(file) ? reader.readRoot(loc, file, new ArrayList<>()) : List.of();
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

  /** The validator's verdict on a raw entity tree. */
  List<Violation> validate(Map<String, Object> raw) {
    return processor.validate(raw);
  }

  // ---------------------------------------------------------------- sort index and relations

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
    Relations.recompute(byRef.values());
  }
}
