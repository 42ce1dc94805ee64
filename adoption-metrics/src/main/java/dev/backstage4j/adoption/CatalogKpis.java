package dev.backstage4j.adoption;

import dev.backstage4j.catalog.model.Annotations;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Holds catalog coverage and completeness KPIs, computed in the same pass as a scorecard run (or alone with
 * {@link #compute(Iterable, EvaluationContext)}). Memory is proportional to the number of kinds and owners.
 *
 * <p>Exact definitions ("owned kinds" are Component, API, Resource, System, Domain and Template — the kinds whose
 * spec has an {@code owner}):
 * <ul>
 *   <li>{@code entitiesByKind}: number of entities per kind, lower-cased.</li>
 *   <li>{@code owned}: entities of an owned kind whose {@code spec.owner} is a non-blank string / entities of an
 *       owned kind.</li>
 *   <li>{@code ownersResolving}: owned entities whose owner ref (defaulting kind Group and the entity's namespace)
 *       names a Group or User in the {@link EvaluationContext} / owned entities. Total is 0 when the context knows
 *       no owners.</li>
 *   <li>{@code withDocs}: Component, API and System entities with a non-blank {@code backstage.io/techdocs-ref}
 *       annotation / all of them.</li>
 *   <li>{@code withSystem}: Component, API and Resource entities with a non-blank {@code spec.system} / all of
 *       them.</li>
 *   <li>{@code withLifecycle}: Component and API entities with a non-blank {@code spec.lifecycle} / all of
 *       them.</li>
 *   <li>{@code orphans}: entities annotated {@code backstage.io/orphan: "true"} (their location is gone).</li>
 *   <li>{@code unresolvedOwners}: owned entities whose owner does not resolve (only when owners are known).</li>
 *   <li>{@code entitiesPerOwner}: entities per owner ref, for "ownership per team".</li>
 * </ul>
 */
public final class CatalogKpis {
  private static final Set<String> DOCS_KINDS = Set.of("component", "api", "system");
  private static final Set<String> SYSTEM_KINDS = Set.of("component", "api", "resource");
  private static final Set<String> LIFECYCLE_KINDS = Set.of("component", "api");

  private final long entities;
  private final Map<String, Long> entitiesByKind;
  private final Ratio owned;
  private final Ratio ownersResolving;
  private final Ratio withDocs;
  private final Ratio withSystem;
  private final Ratio withLifecycle;
  private final long orphans;
  private final long unresolvedOwners;
  private final Map<String, Long> entitiesPerOwner;

  CatalogKpis(long entities, Map<String, Long> entitiesByKind, Ratio owned, Ratio ownersResolving, Ratio withDocs,
      Ratio withSystem, Ratio withLifecycle, long orphans, long unresolvedOwners,
      Map<String, Long> entitiesPerOwner) {
    this.entities = entities;
    this.entitiesByKind = Collections.unmodifiableMap(new TreeMap<>(entitiesByKind));
    this.owned = owned;
    this.ownersResolving = ownersResolving;
    this.withDocs = withDocs;
    this.withSystem = withSystem;
    this.withLifecycle = withLifecycle;
    this.orphans = orphans;
    this.unresolvedOwners = unresolvedOwners;
    this.entitiesPerOwner = Collections.unmodifiableMap(new TreeMap<>(entitiesPerOwner));
  }

  /**
   * {@return the KPIs of the entities, streaming them once}
   *
   * @param entities the entities to measure
   * @param context the known owners, for the owner KPIs
   */
  public static CatalogKpis compute(Iterable<Entity> entities, EvaluationContext context) {
    Accumulator a = new Accumulator(context);
    for (Entity e : entities) {
      a.add(e, EntityFacts.owner(e));
    }
    return a.result();
  }

  /** {@return the number of entities seen} */
  public long entities() {
    return entities;
  }

  /** {@return the number of entities per lower-cased kind, sorted by kind} */
  public Map<String, Long> entitiesByKind() {
    return entitiesByKind;
  }

  /** {@return the share of owned-kind entities that name an owner} */
  public Ratio owned() {
    return owned;
  }

  /** {@return the share of owned entities whose owner exists} */
  public Ratio ownersResolving() {
    return ownersResolving;
  }

  /** {@return the share of Components, APIs and Systems with TechDocs} */
  public Ratio withDocs() {
    return withDocs;
  }

  /** {@return the share of Components, APIs and Resources that name a system} */
  public Ratio withSystem() {
    return withSystem;
  }

  /** {@return the share of Components and APIs with a lifecycle} */
  public Ratio withLifecycle() {
    return withLifecycle;
  }

  /** {@return the number of orphaned entities} */
  public long orphans() {
    return orphans;
  }

  /** {@return the number of owned entities whose owner does not exist} */
  public long unresolvedOwners() {
    return unresolvedOwners;
  }

  /** {@return the number of entities per owner ref, sorted by owner} */
  public Map<String, Long> entitiesPerOwner() {
    return entitiesPerOwner;
  }

  /** {@return the headline numbers} */
  @Override
  public String toString() {
    return "CatalogKpis{entities=" + entities + ", owned=" + owned + ", ownersResolving=" + ownersResolving
        + ", withDocs=" + withDocs + ", withSystem=" + withSystem + ", withLifecycle=" + withLifecycle
        + ", orphans=" + orphans + "}";
  }

  /** Accumulates KPIs in one pass. Not thread-safe. */
  static final class Accumulator {
    private final EvaluationContext context;
    private long entities;
    private final Map<String, Long> byKind = new TreeMap<>();
    private final Map<String, Long> perOwner = new TreeMap<>();
    private long ownable;
    private long owned;
    private long resolving;
    private long docsTotal;
    private long docs;
    private long systemTotal;
    private long system;
    private long lifecycleTotal;
    private long lifecycle;
    private long orphans;

    Accumulator(EvaluationContext context) {
      this.context = context;
    }

    void add(Entity e, EntityRef owner) {
      entities++;
      String kind = e.kind().toLowerCase(Locale.ROOT);
      byKind.merge(kind, 1L, Long::sum);
      if (Checks.OWNED_KINDS.contains(kind)) {
        ownable++;
        if (EntityFacts.nonBlank(e.spec().get("owner"))) {
          owned++;
          if (owner != null && context.ownerExists(owner)) {
            resolving++;
          }
        }
      }
      if (owner != null) {
        perOwner.merge(owner.toString(), 1L, Long::sum);
      }
      if (DOCS_KINDS.contains(kind)) {
        docsTotal++;
        if (EntityFacts.nonBlank(e.metadata().annotations().get(Annotations.TECHDOCS_REF))) {
          docs++;
        }
      }
      if (SYSTEM_KINDS.contains(kind)) {
        systemTotal++;
        if (EntityFacts.nonBlank(e.spec().get("system"))) {
          system++;
        }
      }
      if (LIFECYCLE_KINDS.contains(kind)) {
        lifecycleTotal++;
        if (EntityFacts.nonBlank(e.spec().get("lifecycle"))) {
          lifecycle++;
        }
      }
      if ("true".equals(e.metadata().annotations().get(Annotations.ORPHAN))) {
        orphans++;
      }
    }

    CatalogKpis result() {
      boolean known = context.ownersKnown();
      return new CatalogKpis(entities, byKind, Ratio.of(owned, ownable),
          known ? Ratio.of(resolving, owned) : Ratio.of(0, 0), Ratio.of(docs, docsTotal),
          Ratio.of(system, systemTotal), Ratio.of(lifecycle, lifecycleTotal), orphans,
          known ? owned - resolving : 0, perOwner);
    }
  }
}
