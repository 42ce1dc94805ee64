package dev.backstage4j.adoption;

import dev.backstage4j.catalog.model.Entity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Holds a scorecard: checks, tracks of ordered levels, and exemptions. Immutable and thread-safe; evaluate it
 * with {@link #evaluate(Iterable, EvaluationContext)} or, for options, {@link #runner()}.
 *
 * <pre>{@code
 * Scorecard card = Scorecard.builder("Service maturity")   // or Scorecard.standard(), this very scorecard
 *     .addChecks(Checks.all())
 *     .addCheck(Checks.annotation("has-on-call", "pagerduty.com/service-id", "On-call is set up"))
 *     .addTrack(Track.of("Basics",
 *         Level.of("Bronze", "has-owner", "has-description"),
 *         Level.of("Silver", "owner-resolves", "has-system", "has-lifecycle"),
 *         Level.of("Gold", "has-techdocs", "has-source-location", "has-on-call")))
 *     .build();
 * ScorecardResult result = card.evaluate(entities, EvaluationContext.gather(entities));
 * Files.writeString(Path.of("adoption.html"), Reports.html(result));
 * }</pre>
 *
 * <p>Or load it from a YAML file with {@link #fromYaml(Path)}; the format is described in the
 * {@linkplain dev.backstage4j.adoption package documentation}.
 */
public final class Scorecard {
  private final String name;
  private final List<Check> checks;
  private final List<Track> tracks;
  private final List<Exemption> exemptions;
  private final List<Campaign> campaigns;
  private final Shape shape;

  private Scorecard(Builder b) {
    this.name = b.name;
    this.checks = List.copyOf(b.checks);
    this.tracks = List.copyOf(b.tracks);
    this.exemptions = List.copyOf(b.exemptions);
    this.campaigns = List.copyOf(b.campaigns);
    Set<String> ids = new HashSet<>();
    List<CheckInfo> infos = new ArrayList<>();
    for (Check c : checks) {
      if (!ids.add(c.id())) {
        throw new IllegalArgumentException("Scorecard " + name + " has two checks with id " + c.id());
      }
      infos.add(CheckInfo.of(c));
    }
    Set<String> trackNames = new HashSet<>();
    for (Track t : tracks) {
      if (!trackNames.add(t.name())) {
        throw new IllegalArgumentException("Scorecard " + name + " has two tracks named " + t.name());
      }
    }
    for (Exemption x : exemptions) {
      if (!ids.contains(x.checkId())) {
        throw new IllegalArgumentException("Exemption for " + x.entity() + " names unknown check " + x.checkId());
      }
    }
    Set<String> campaignIds = new HashSet<>();
    for (Campaign c : campaigns) {
      if (!campaignIds.add(c.id())) {
        throw new IllegalArgumentException("Scorecard " + name + " has two campaigns with id " + c.id());
      }
      c.validateAgainst(tracks, ids);
    }
    this.shape = new Shape(infos, tracks);
  }

  /**
   * {@return a builder for a scorecard with the given name}
   *
   * @param name the scorecard's name, shown in reports
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * {@return a ready-made scorecard to start from, "Service maturity": every built-in check ({@link Checks#all()})
   * plus {@code has-on-call} (annotation {@code pagerduty.com/service-id}), and one track, {@code Basics}:
   * Bronze (has-owner, has-description), Silver (owner-resolves, has-system, has-lifecycle), Gold (has-techdocs,
   * has-source-location, has-on-call)} The {@code backstage4j} CLI scores with it unless given a file; adapt it
   * with {@link #toBuilder()}.
   */
  public static Scorecard standard() {
    Check onCall = Checks.annotation("has-on-call", "pagerduty.com/service-id", "On-call is set up")
        .withHowToFix("Add the annotation pagerduty.com/service-id with the service's PagerDuty id.");
    return builder("Service maturity")
        .addChecks(Checks.all())
        .addCheck(onCall)
        .addTrack(Track.of("Basics",
            Level.of("Bronze", "has-owner", "has-description"),
            Level.of("Silver", "owner-resolves", "has-system", "has-lifecycle"),
            Level.of("Gold", "has-techdocs", "has-source-location", "has-on-call")))
        .build();
  }

  /**
   * Returns the scorecard declared in a YAML file (format in the package documentation).
   *
   * @param file the YAML file to read
   * @return the scorecard
   * @throws ScorecardFileException naming the file and line of the first problem
   */
  public static Scorecard fromYaml(Path file) {
    return ScorecardFile.read(file);
  }

  /**
   * Returns the scorecard declared in YAML text.
   *
   * @param sourceName the name used in error messages, for example a file name
   * @param yaml the YAML text
   * @return the scorecard
   * @throws ScorecardFileException naming the source and line of the first problem
   */
  public static Scorecard fromYaml(String yaml, String sourceName) {
    return ScorecardFile.parse(yaml, sourceName);
  }

  /** {@return a builder starting from this scorecard, for adding Java checks to one read from a file} */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.checks.addAll(checks);
    b.tracks.addAll(tracks);
    b.exemptions.addAll(exemptions);
    b.campaigns.addAll(campaigns);
    return b;
  }

  /** {@return the name} */
  public String name() {
    return name;
  }

  /** {@return the checks} */
  public List<Check> checks() {
    return checks;
  }

  /** {@return the tracks} */
  public List<Track> tracks() {
    return tracks;
  }

  /** {@return the exemptions} */
  public List<Exemption> exemptions() {
    return exemptions;
  }

  /** {@return the campaigns, in declaration order} */
  public List<Campaign> campaigns() {
    return campaigns;
  }

  /** {@return a runner with default options: keep entity results, compute KPIs, no listener} */
  public ScorecardRunner runner() {
    return new ScorecardRunner(this);
  }

  /**
   * Evaluates the entities (streamed once, in order) and returns the result.
   *
   * @param entities the entities to evaluate
   * @param context the known owners, system domains and today's date
   * @return the result of the run
   */
  public ScorecardResult evaluate(Iterable<Entity> entities, EvaluationContext context) {
    return runner().context(context).run(entities);
  }

  Shape shape() {
    return shape;
  }

  /** {@return the name and sizes} */
  @Override
  public String toString() {
    return "Scorecard{" + name + ", checks=" + checks.size() + ", tracks=" + tracks.size() + ", exemptions="
        + exemptions.size() + ", campaigns=" + campaigns.size() + "}";
  }

  /** Builds a {@link Scorecard}. Not thread-safe. */
  public static final class Builder {
    private String name;
    private final List<Check> checks = new ArrayList<>();
    private final List<Track> tracks = new ArrayList<>();
    private final List<Exemption> exemptions = new ArrayList<>();
    private final List<Campaign> campaigns = new ArrayList<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Sets the name.
     *
     * @param newName the name, shown in reports; not null
     * @return this builder, for chaining
     */
    public Builder name(String newName) {
      this.name = Objects.requireNonNull(newName, "name");
      return this;
    }

    /**
     * Adds a check, replacing an earlier one with the same id.
     *
     * @param check the check to add; not null
     * @return this builder, for chaining
     */
    public Builder addCheck(Check check) {
      Objects.requireNonNull(check, "check");
      checks.removeIf(c -> c.id().equals(check.id()));
      checks.add(check);
      return this;
    }

    /**
     * Adds checks, each replacing an earlier one with the same id.
     *
     * @param more the checks to add
     * @return this builder, for chaining
     */
    public Builder addChecks(List<Check> more) {
      more.forEach(this::addCheck);
      return this;
    }

    /**
     * Adds a track.
     *
     * @param track the track to add; not null
     * @return this builder, for chaining
     */
    public Builder addTrack(Track track) {
      tracks.add(Objects.requireNonNull(track, "track"));
      return this;
    }

    /**
     * Adds an exemption.
     *
     * @param exemption the exemption to add; not null
     * @return this builder, for chaining
     */
    public Builder addExemption(Exemption exemption) {
      exemptions.add(Objects.requireNonNull(exemption, "exemption"));
      return this;
    }

    /**
     * Adds a campaign, replacing an earlier one with the same id.
     *
     * @param campaign the campaign to add; not null
     * @return this builder, for chaining
     */
    public Builder addCampaign(Campaign campaign) {
      Objects.requireNonNull(campaign, "campaign");
      campaigns.removeIf(c -> c.id().equals(campaign.id()));
      campaigns.add(campaign);
      return this;
    }

    /**
     * {@return the scorecard}
     *
     * @throws IllegalArgumentException on duplicate check ids or track names, or a level, exemption or campaign
     *     naming an unknown check, track or level
     */
    public Scorecard build() {
      return new Scorecard(this);
    }
  }
}
