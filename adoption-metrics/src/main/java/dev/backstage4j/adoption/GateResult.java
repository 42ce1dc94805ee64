package dev.backstage4j.adoption;

import java.util.List;

/**
 * Holds a CI gate's verdict: an exit code (0 passed, 1 some entity is below the level, 2 nothing matched the
 * selection), the entities below the level, and a message listing what to fix. Immutable.
 */
public final class GateResult {
  private final int exitCode;
  private final List<EntityResult> below;
  private final String message;

  GateResult(int exitCode, List<EntityResult> below, String message) {
    this.exitCode = exitCode;
    this.below = List.copyOf(below);
    this.message = message;
  }

  /** {@return whether the gate passed} */
  public boolean passed() {
    return exitCode == 0;
  }

  /** {@return the process exit code: 0 passed, 1 below the level, 2 nothing matched} */
  public int exitCode() {
    return exitCode;
  }

  /** {@return the entities below the required level} */
  public List<EntityResult> below() {
    return below;
  }

  /** {@return the human-readable verdict, listing per failing entity the checks to fix and how} */
  public String message() {
    return message;
  }

  /** {@return the message} */
  @Override
  public String toString() {
    return message;
  }
}
