package dev.backstage4j.adoption;

/** Describes how one entity fared on one check. */
public enum Outcome {
  /** The check holds. */
  PASSED,
  /** The check does not hold, or it was exempted by an exemption that has expired. */
  FAILED,
  /** The check does not hold but an unexpired exemption covers it; counts as passed for levels and score. */
  EXEMPT,
  /** The entity is outside the check's scope. */
  NOT_APPLICABLE;

  /** {@return whether this outcome counts towards levels and score as a pass} */
  public boolean counts() {
    return this == PASSED || this == EXEMPT;
  }
}
