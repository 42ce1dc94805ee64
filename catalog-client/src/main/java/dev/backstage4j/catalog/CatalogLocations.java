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
   * @throws dev.backstage4j.core.ConflictException when the same type and target is already registered
   */
  LocationRegistration register(String type, String target);

  /** Async variant of {@link #register(String, String)}; never repeated automatically. */
  CompletableFuture<LocationRegistration> registerAsync(String type, String target);

  /**
   * Registers a location, saying what to do if it is already registered. With {@link LocationConflict#REFRESH}
   * an existing location is kept, refreshed and returned, so the call can be repeated safely.
   *
   * @throws dev.backstage4j.core.ConflictException with {@code REJECT}, when the same type and target is already
   *     registered; with {@code REFRESH}, when the server is too old to know the option (the message says so)
   */
  LocationRegistration register(String type, String target, LocationConflict onConflict);

  /** Async variant of {@link #register(String, String, LocationConflict)}; never repeated automatically. */
  CompletableFuture<LocationRegistration> registerAsync(String type, String target, LocationConflict onConflict);

  /**
   * Reads and processes a location without storing anything, returning every entity it would produce and
   * whether it is already registered.
   */
  LocationRegistration dryRun(String type, String target);

  /** {@return every location registered through the API (locations from the app config are not listed)} */
  List<Location> list();

  /**
   * Returns registered locations matching {@code predicate} (keys {@code type}, {@code target},
   * {@code entityRef}), paged lazily; null for all. Needs a server with {@code POST /locations/by-query}.
   */
  PagedIterable<Location> query(EntityPredicate predicate, int pageSize);

  /** {@return the location with {@code id}, or empty} */
  Optional<Location> find(String id);

  /** Async variant of {@link #find(String)}. */
  CompletableFuture<Optional<Location>> findAsync(String id);

  /** Returns the location that produced the entity {@code ref}, or empty (e.g. for app-config locations). */
  Optional<Location> findByEntity(EntityRef ref);

  /**
   * Changes the type and target of location {@code id}.
   *
   * @throws dev.backstage4j.core.NotFoundException when there is no such location
   */
  Location update(String id, String type, String target);

  /**
   * Unregisters location {@code id}; its entities are removed eventually.
   *
   * @throws dev.backstage4j.core.NotFoundException when there is no such location
   */
  void delete(String id);

  /** Async variant of {@link #delete(String)}. */
  CompletableFuture<Void> deleteAsync(String id);

  /**
   * Analyses a repository location: entity files found there and entities the catalog would suggest.
   *
   * @param catalogFilename the file name to look for, or null for {@code catalog-info.yaml}
   */
  LocationAnalysis analyze(String type, String target, String catalogFilename);
}
