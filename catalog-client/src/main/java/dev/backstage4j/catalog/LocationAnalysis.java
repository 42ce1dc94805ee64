package dev.backstage4j.catalog;

import dev.backstage4j.catalog.model.Entity;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Holds what the catalog found when analysing a repository location: entity files that already exist there and
 * entities it would suggest generating (partial, with per-field hints). Immutable.
 */
public final class LocationAnalysis {
  private final List<ExistingFile> existingEntityFiles;
  private final List<Map<String, Object>> generatedEntities;

  private LocationAnalysis(List<ExistingFile> existing, List<Map<String, Object>> generated) {
    this.existingEntityFiles = List.copyOf(existing);
    this.generatedEntities = List.copyOf(generated);
  }

  /**
   * {@return an analysis}
   *
   * @param existing the entity files found in the repository
   * @param generated the entities the catalog suggests creating, as trees
   */
  public static LocationAnalysis of(List<ExistingFile> existing, List<Map<String, Object>> generated) {
    return new LocationAnalysis(existing, generated);
  }

  /** {@return the entity files found in the repository} */
  public List<ExistingFile> existingEntityFiles() {
    return existingEntityFiles;
  }

  /**
   * {@return the suggested entities as the server sent them: {@code {"entity": {partial}, "fields": [{"field",
   * "state", "value", "description"}]}}, as unmodifiable maps}
   */
  public List<Map<String, Object>> generatedEntities() {
    return generatedEntities;
  }

  /** {@return whether {@code o} holds the same values} */
  @Override
  public boolean equals(Object o) {
    return o instanceof LocationAnalysis && ((LocationAnalysis) o).existingEntityFiles.equals(existingEntityFiles)
        && ((LocationAnalysis) o).generatedEntities.equals(generatedEntities);
  }

  /** {@return a hash of the values} */
  @Override
  public int hashCode() {
    return Objects.hash(existingEntityFiles, generatedEntities);
  }

  /** {@return a short description for logs} */
  @Override
  public String toString() {
    return "LocationAnalysis{existing=" + existingEntityFiles.size() + ", generated=" + generatedEntities.size() + "}";
  }

  /** Holds one entity file found by an analysis. Immutable. */
  public static final class ExistingFile {
    private final Entity entity;
    private final boolean registered;
    private final String locationType;
    private final String locationTarget;

    private ExistingFile(Entity entity, boolean registered, String locationType, String locationTarget) {
      this.entity = entity;
      this.registered = registered;
      this.locationType = locationType;
      this.locationTarget = locationTarget;
    }

    /**
     * {@return a found file}
     *
     * @param entity the entity the file holds
     * @param registered whether the file's location is registered already
     * @param locationType the type of the location to register for it
     * @param locationTarget the target of the location to register for it
     */
    public static ExistingFile of(Entity entity, boolean registered, String locationType, String locationTarget) {
      return new ExistingFile(Objects.requireNonNull(entity, "entity"), registered, locationType, locationTarget);
    }

    /** {@return the entity in the file} */
    public Entity entity() {
      return entity;
    }

    /** {@return whether the file is already registered} */
    public boolean registered() {
      return registered;
    }

    /** {@return the type of the file's location, e.g. {@code url}} */
    public String locationType() {
      return locationType;
    }

    /** {@return the target of the file's location} */
    public String locationTarget() {
      return locationTarget;
    }

    /** {@return whether {@code o} holds the same values} */
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof ExistingFile)) {
        return false;
      }
      ExistingFile f = (ExistingFile) o;
      return entity.equals(f.entity) && registered == f.registered && Objects.equals(locationType, f.locationType)
          && Objects.equals(locationTarget, f.locationTarget);
    }

    /** {@return a hash of the values} */
    @Override
    public int hashCode() {
      return Objects.hash(entity, registered, locationType, locationTarget);
    }

    /** {@return a short description for logs} */
    @Override
    public String toString() {
      return "ExistingFile{" + entity.ref() + ", " + locationType + ":" + locationTarget + "}";
    }
  }
}
