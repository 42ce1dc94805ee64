package dev.backstage4j.adoption;

/**
 * Where a {@link Campaign} stands; {@link CampaignProgress#status()} states the rule that picks one.
 */
public enum CampaignStatus {
  /** The trend (or, without one, the share done) reaches every entity by the deadline. */
  ON_TRACK,
  /** At the current pace some entities will still miss the target at the deadline. */
  AT_RISK,
  /** The deadline has passed and some entities still miss the target. */
  LATE,
  /** Every entity in the campaign meets the target. */
  DONE
}
