package dev.backstage4j.adoption;

import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Holds a time-boxed adoption initiative: which entities it covers (a {@link Scope} plus owners), what each must
 * reach (a level of a track, or a set of checks), when it starts and its deadline, and the entities exempt from
 * it. Declared in the scorecard file under {@code campaigns:} or built with {@link #builder(String, String)};
 * {@link CampaignProgress} measures it over scorecard runs. Immutable.
 */
public final class Campaign {
  private final String id;
  private final String title;
  private final String owner;
  private final Scope scope;
  private final Set<String> owners;
  private final String track;
  private final String level;
  private final List<String> checks;
  private final LocalDate start;
  private final LocalDate deadline;
  private final Map<String, String> exemptions;

  private Campaign(Builder b) {
    if (b.id == null || !b.id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException("Campaign id must be letters, digits, '.', '_' or '-', found \"" + b.id
          + "\"");
    }
    if (b.title == null || b.title.isBlank()) {
      throw new IllegalArgumentException("Campaign " + b.id + ": title must not be blank");
    }
    if (b.owner == null) {
      throw new IllegalArgumentException("Campaign " + b.id + ": owner is required");
    }
    if ((b.track == null) == b.checks.isEmpty()) {
      throw new IllegalArgumentException("Campaign " + b.id + ": the target is either a level of a track or a "
          + "set of checks");
    }
    if (b.start == null || b.deadline == null) {
      throw new IllegalArgumentException("Campaign " + b.id + ": start and deadline are required");
    }
    if (b.deadline.isBefore(b.start)) {
      throw new IllegalArgumentException("Campaign " + b.id + ": deadline " + b.deadline + " is before start "
          + b.start);
    }
    this.id = b.id;
    this.title = b.title;
    this.owner = b.owner;
    this.scope = b.scope;
    this.owners = Collections.unmodifiableSet(new LinkedHashSet<>(b.owners));
    this.track = b.track;
    this.level = b.level;
    this.checks = List.copyOf(b.checks);
    this.start = b.start;
    this.deadline = b.deadline;
    this.exemptions = Collections.unmodifiableMap(new LinkedHashMap<>(b.exemptions));
  }

  /**
   * {@return a builder for a campaign with the given id and title}
   *
   * @param id the campaign's id, unique within a scorecard
   * @param title the campaign's title, shown in reports and nudges
   */
  public static Builder builder(String id, String title) {
    return new Builder(id, title);
  }

  /** {@return a builder starting from this campaign} */
  public Builder toBuilder() {
    Builder b = new Builder(id, title);
    b.owner = owner;
    b.scope = scope;
    b.owners.addAll(owners);
    b.track = track;
    b.level = level;
    b.checks.addAll(checks);
    b.start = start;
    b.deadline = deadline;
    b.exemptions.putAll(exemptions);
    return b;
  }

  /** {@return the id, stable across runs (it names notifications and metrics)} */
  public String id() {
    return id;
  }

  /** {@return the title shown in reports and notifications} */
  public String title() {
    return title;
  }

  /** {@return the ref of the team running the campaign, for example {@code group:default/platform}} */
  public String owner() {
    return owner;
  }

  /** {@return the kinds, types, lifecycles and filter an entity must match to be in the campaign} */
  public Scope scope() {
    return scope;
  }

  /** {@return the owner refs whose entities are in the campaign; empty means every owner} */
  public Set<String> owners() {
    return owners;
  }

  /** {@return the target track, or null when the target is a set of checks} */
  public String track() {
    return track;
  }

  /** {@return the target level of {@link #track()}, or null when the target is a set of checks} */
  public String level() {
    return level;
  }

  /** {@return the checks every entity must pass (or be exempt from); empty when the target is a level} */
  public List<String> checks() {
    return checks;
  }

  /** {@return the first day of the campaign} */
  public LocalDate start() {
    return start;
  }

  /** {@return the last day of the campaign (inclusive)} */
  public LocalDate deadline() {
    return deadline;
  }

  /** {@return the exempt entity refs with the reason for each} */
  public Map<String, String> exemptions() {
    return exemptions;
  }

  /** {@return the target in words, for example {@code Basics / Silver} or {@code checks has-techdocs, has-tags}} */
  public String targetDescription() {
    return track != null ? track + " / " + level : "checks " + String.join(", ", checks);
  }

  /**
   * {@return whether the entity is in the campaign: inside the scope, of a listed owner, and not exempt}
   *
   * @param entity the entity to test
   */
  public boolean covers(Entity entity) {
    if (exemptions.containsKey(entity.ref().toString())) {
      return false;
    }
    if (!owners.isEmpty()) {
      Object o = entity.spec().get("owner");
      if (!(o instanceof String s) || s.isBlank()
          || !owners.contains(EntityRef.parse(s, "Group", entity.metadata().namespace()).toString())) {
        return false;
      }
    }
    return scope.appliesTo(entity);
  }

  /**
   * Returns whether the entity result meets the target, or null when the target does not apply to it (a track
   * that does not rank it, or checks that are all not applicable).
   */
  Boolean meets(EntityResult e) {
    if (track != null) {
      if (!e.ranked(track)) {
        return null;
      }
      return e.missingFor(track, level).isEmpty();
    }
    boolean applies = false;
    for (String c : checks) {
      Outcome o = e.outcome(c);
      if (o == Outcome.FAILED) {
        return false;
      }
      applies |= o != Outcome.NOT_APPLICABLE;
    }
    return applies ? Boolean.TRUE : null;
  }

  /** {@return the ids of the failed checks that stand between the entity and the target} */
  List<String> missing(EntityResult e) {
    if (track != null) {
      return e.missingFor(track, level);
    }
    List<String> out = new ArrayList<>();
    for (String c : checks) {
      if (e.outcome(c) == Outcome.FAILED) {
        out.add(c);
      }
    }
    return out;
  }

  /** Checks that the target names a track, level or checks of the scorecard. */
  void validateAgainst(List<Track> tracks, Set<String> checkIds) {
    if (track != null) {
      Track t = tracks.stream().filter(x -> x.name().equals(track)).findFirst().orElseThrow(
          () -> new IllegalArgumentException("Campaign " + id + " targets unknown track " + track));
      if (t.indexOf(level) < 0) {
        throw new IllegalArgumentException("Campaign " + id + " targets unknown level " + level + " of track "
            + track);
      }
    }
    for (String c : checks) {
      if (!checkIds.contains(c)) {
        throw new IllegalArgumentException("Campaign " + id + " targets unknown check " + c);
      }
    }
  }

  /** {@return whether the other object is a campaign with the same id, target and dates} */
  @Override
  public boolean equals(Object o) {
    return o instanceof Campaign c && c.id.equals(id) && c.title.equals(title) && c.owner.equals(owner)
        && c.owners.equals(owners) && Objects.equals(c.track, track) && Objects.equals(c.level, level)
        && c.checks.equals(checks) && c.start.equals(start) && c.deadline.equals(deadline)
        && c.exemptions.equals(exemptions) && c.scope.toString().equals(scope.toString());
  }

  /** {@return a hash of id, target and dates} */
  @Override
  public int hashCode() {
    return Objects.hash(id, track, level, checks, start, deadline);
  }

  /** {@return id, target and dates} */
  @Override
  public String toString() {
    return "Campaign{" + id + ": " + targetDescription() + ", " + start + ".." + deadline + "}";
  }

  /** Builds a {@link Campaign}. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final String title;
    private String owner;
    private Scope scope = Scope.all();
    private final Set<String> owners = new LinkedHashSet<>();
    private String track;
    private String level;
    private final List<String> checks = new ArrayList<>();
    private LocalDate start;
    private LocalDate deadline;
    private final Map<String, String> exemptions = new LinkedHashMap<>();

    private Builder(String id, String title) {
      this.id = id;
      this.title = title;
    }

    /**
     * Sets the team running the campaign; {@code "platform"} means {@code group:default/platform}.
     *
     * @param ownerRef a Group ref; kind defaults to Group and namespace to {@code default}
     * @return this builder, for chaining
     */
    public Builder owner(String ownerRef) {
      this.owner = EntityRef.parse(ownerRef, "Group", null).toString();
      return this;
    }

    /**
     * Sets the kinds, types, lifecycles and filter of the entities in the campaign (default: all).
     *
     * @param newScope the scope; not null
     * @return this builder, for chaining
     */
    public Builder scope(Scope newScope) {
      this.scope = Objects.requireNonNull(newScope, "scope");
      return this;
    }

    /**
     * Adds an owner whose entities are in the campaign ({@code "web"} means {@code group:default/web}).
     *
     * @param ownerRef a Group ref; kind defaults to Group and namespace to {@code default}
     * @return this builder, for chaining
     */
    public Builder addOwner(String ownerRef) {
      owners.add(EntityRef.parse(ownerRef, "Group", null).toString());
      return this;
    }

    /**
     * Sets the target: every entity in the campaign holds at least this level of the track.
     *
     * @param trackName the track's name; not null
     * @param levelName the level's name within the track; not null
     * @return this builder, for chaining
     */
    public Builder targetLevel(String trackName, String levelName) {
      this.track = Objects.requireNonNull(trackName, "track");
      this.level = Objects.requireNonNull(levelName, "level");
      this.checks.clear();
      return this;
    }

    /**
     * Sets the target: every entity in the campaign passes (or is exempt from) these checks.
     *
     * @param checkIds the ids of the checks to pass
     * @return this builder, for chaining
     */
    public Builder targetChecks(List<String> checkIds) {
      this.checks.clear();
      this.checks.addAll(checkIds);
      this.track = null;
      this.level = null;
      return this;
    }

    /**
     * Sets the first day.
     *
     * @param day the first day of the campaign
     * @return this builder, for chaining
     */
    public Builder start(LocalDate day) {
      this.start = day;
      return this;
    }

    /**
     * Sets the last day (inclusive).
     *
     * @param day the last day of the campaign, inclusive
     * @return this builder, for chaining
     */
    public Builder deadline(LocalDate day) {
      this.deadline = day;
      return this;
    }

    /**
     * Exempts an entity from the campaign, with the reason shown in reports.
     *
     * @param entityRef the exempted entity's ref, e.g. {@code component:default/legacy}
     * @param reason why it is exempt; not null
     * @return this builder, for chaining
     */
    public Builder addExemption(String entityRef, String reason) {
      exemptions.put(EntityRef.parse(entityRef).toString(), Objects.requireNonNull(reason, "reason"));
      return this;
    }

    /**
     * {@return the campaign}
     *
     * @throws IllegalArgumentException naming the campaign and the missing or bad field
     */
    public Campaign build() {
      return new Campaign(this);
    }
  }
}
