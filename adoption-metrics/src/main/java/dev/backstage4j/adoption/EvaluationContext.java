package dev.backstage4j.adoption;

import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Holds catalog-wide facts that single-entity checks need: the refs of the Groups and Users that exist (for
 * "owner resolves") and the date that decides whether an exemption has expired.
 *
 * <p>Memory is proportional to the number of Groups and Users only. Gather it with {@link #gather(Iterable)},
 * a separate pass that keeps nothing but those refs, or build it from a set you already have.
 */
public final class EvaluationContext {
  private final Set<EntityRef> owners;
  private final boolean ownersKnown;
  private final Map<EntityRef, EntityRef> systemDomains;
  private final LocalDate today;

  private EvaluationContext(Set<EntityRef> owners, boolean ownersKnown, Map<EntityRef, EntityRef> systemDomains,
      LocalDate today) {
    this.owners = owners;
    this.ownersKnown = ownersKnown;
    this.systemDomains = systemDomains;
    this.today = Objects.requireNonNull(today, "today");
  }

  /** {@return a context that knows no owners ("owner resolves" then fails for everyone) dated today (UTC)} */
  public static EvaluationContext empty() {
    return new EvaluationContext(Set.of(), false, Map.of(), LocalDate.now(ZoneOffset.UTC));
  }

  /**
   * {@return a context with the given Group and User refs, dated today (UTC)}
   *
   * @param ownerRefs the refs of every known Group and User
   */
  public static EvaluationContext ofOwners(Set<EntityRef> ownerRefs) {
    return new EvaluationContext(Set.copyOf(ownerRefs), true, Map.of(), LocalDate.now(ZoneOffset.UTC));
  }

  /**
   * {@return a context holding the refs of every Group and User in the entities, and the domain of every System
   * (for the per-domain roll-up), dated today (UTC)} Iterates the entities once and keeps only those refs; pass a
   * lazily paged catalog query filtered to {@code kind=Group,User,System} to fetch as little as possible.
   *
   * @param entities the entities to gather refs from, iterated once
   */
  public static EvaluationContext gather(Iterable<Entity> entities) {
    Set<EntityRef> refs = new HashSet<>();
    Map<EntityRef, EntityRef> domains = new HashMap<>();
    for (Entity e : entities) {
      String kind = e.kind().toLowerCase(Locale.ROOT);
      if (kind.equals("group") || kind.equals("user")) {
        refs.add(e.ref());
      } else if (kind.equals("system")) {
        EntityRef domain = EntityFacts.refIn(e, "domain", "Domain");
        if (domain != null) {
          domains.put(e.ref(), domain);
        }
      }
    }
    return new EvaluationContext(Set.copyOf(refs), true, Map.copyOf(domains), LocalDate.now(ZoneOffset.UTC));
  }

  /**
   * {@return a copy that knows the domain of each System, for the per-domain roll-up}
   *
   * @param domainBySystem the domain ref of each System ref
   */
  public EvaluationContext withSystemDomains(Map<EntityRef, EntityRef> domainBySystem) {
    return new EvaluationContext(owners, ownersKnown, Map.copyOf(domainBySystem), today);
  }

  /**
   * {@return the domain of a System, or null when unknown}
   *
   * @param system the System's ref
   */
  public EntityRef domainOf(EntityRef system) {
    return systemDomains.get(system);
  }

  /**
   * {@return a copy dated the given day, which decides exemption expiry (an exemption expiring today is valid)}
   *
   * @param day the day that decides exemption expiry
   */
  public EvaluationContext withToday(LocalDate day) {
    return new EvaluationContext(owners, ownersKnown, systemDomains, day);
  }

  /** {@return the known Group and User refs} */
  public Set<EntityRef> owners() {
    return owners;
  }

  /** {@return whether owners were gathered or given; when false, owner resolution is not measured} */
  public boolean ownersKnown() {
    return ownersKnown;
  }

  /**
   * {@return whether the ref names a known Group or User}
   *
   * @param ref the ref to look up
   */
  public boolean ownerExists(EntityRef ref) {
    return owners.contains(ref);
  }

  /** {@return the date used for exemption expiry} */
  public LocalDate today() {
    return today;
  }

  /** {@return the number of owners and the date} */
  @Override
  public String toString() {
    return "EvaluationContext{owners=" + owners.size() + ", today=" + today + "}";
  }
}
