package dev.backstage4j.catalog;

import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.PagedIterable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Registers and manages catalog locations ({@code /api/catalog/locations…}) and analyses repositories.
 * Obtained from {@link CatalogClient#locations()}. Thread-safe; errors as in {@link CatalogEntities}.
 */
public interface CatalogLocations {

  /**
   * Registers a location. The catalog ingests its entities asynchronously, so the result has no entities. What
   * happens when it is already registered is up to the server's configuration (normally a conflict); say it with
   * {@link #register(String, String, LocationConflict)}.
   *
   * @param type the location type, usually {@code url}
   * @param target where the entity file is, e.g. a repository URL of a {@code catalog-info.yaml}
   * @return the stored location
   * @throws dev.backstage4j.core.ConflictException when the same type and target is already registered
   */
  LocationRegistration register(String type, String target);

  /**
   * Async variant of {@link #register(String, String)}; never repeated automatically.
   *
   * @param type the location type, usually {@code url}
   * @param target where the entity file is
   * @return a future of the stored location; failed with the exception {@code register} would throw
   */
  CompletableFuture<LocationRegistration> registerAsync(String type, String target);

  /**
   * Registers a location, saying what to do if it is already registered. With {@link LocationConflict#REFRESH}
   * an existing location is kept, refreshed and returned, so the call can be repeated safely.
   *
   * @param type the location type, usually {@code url}
   * @param target where the entity file is
   * @param onConflict what to do when {@code target} is already registered
   * @return the stored location (the existing one with {@code REFRESH})
   * @throws dev.backstage4j.core.ConflictException with {@code REJECT}, when the same type and target is already
   *     registered; with {@code REFRESH}, when the server is too old to know the option (the message says so)
   */
  LocationRegistration register(String type, String target, LocationConflict onConflict);

  /**
   * Async variant of {@link #register(String, String, LocationConflict)}; never repeated automatically.
   *
   * @param type the location type, usually {@code url}
   * @param target where the entity file is
   * @param onConflict what to do when {@code target} is already registered
   * @return a future of the stored location; failed with the exception {@code register} would throw
   */
  CompletableFuture<LocationRegistration> registerAsync(String type, String target, LocationConflict onConflict);

  /**
   * Reads and processes a location without storing anything, returning every entity it would produce and
   * whether it is already registered.
   *
   * @param type the location type, usually {@code url}
   * @param target where the entity file is
   * @return the location it would store, the entities it would produce and whether it exists already
   */
  LocationRegistration dryRun(String type, String target);

  /** {@return every location registered through the API (locations from the app config are not listed)} */
  List<Location> list();

  /**
   * {@return registered locations matching {@code predicate} (keys {@code type}, {@code target},
   * {@code entityRef}), paged lazily; null for all} Needs a server with {@code POST /locations/by-query}.
   *
   * @param predicate which locations, or null for all
   * @param pageSize how many locations one page holds
   */
  PagedIterable<Location> query(EntityPredicate predicate, int pageSize);

  /**
   * {@return the location with {@code id}, or empty}
   *
   * @param id the location's id, as returned when it was registered
   */
  Optional<Location> find(String id);

  /**
   * Async variant of {@link #find(String)}.
   *
   * @param id the location's id
   * @return a future of the location or empty; failed with the exception {@code find} would throw
   */
  CompletableFuture<Optional<Location>> findAsync(String id);

  /**
   * {@return the location that produced the entity {@code ref}, or empty (e.g. for app-config locations)}
   *
   * @param ref the entity's ref
   */
  Optional<Location> findByEntity(EntityRef ref);

  /**
   * Changes the type and target of location {@code id}.
   *
   * @param id the location's id
   * @param type the new type, usually {@code url}
   * @param target the new target
   * @return the location as stored now
   * @throws dev.backstage4j.core.NotFoundException when there is no such location
   */
  Location update(String id, String type, String target);

  /**
   * Unregisters location {@code id}; its entities are removed eventually.
   *
   * @param id the location's id
   * @throws dev.backstage4j.core.NotFoundException when there is no such location
   */
  void delete(String id);

  /**
   * Async variant of {@link #delete(String)}.
   *
   * @param id the location's id
   * @return a future completed once the location is unregistered
   */
  CompletableFuture<Void> deleteAsync(String id);

  /**
   * Analyses a repository location: entity files found there and entities the catalog would suggest.
   *
   * @param type the location type, usually {@code url}
   * @param target the repository URL
   * @return the files found and the entities suggested
   * @param catalogFilename the file name to look for, or null for {@code catalog-info.yaml}
   */
  LocationAnalysis analyze(String type, String target, String catalogFilename);
}
