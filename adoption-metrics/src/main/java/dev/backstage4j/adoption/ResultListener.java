package dev.backstage4j.adoption;

/**
 * Receives results while a run streams, for example to publish metrics or events without holding every entity
 * result. Called on the evaluating thread, in catalog order; keep it fast and hand slow work to another thread.
 * A listener that throws stops the run.
 */
public interface ResultListener {
  /**
   * Receives one entity's immutable result.
   *
   * @param result the entity's result
   */
  default void onEntity(EntityResult result) {}

  /**
   * Receives the finished run's immutable result.
   *
   * @param result the run's result
   */
  default void onComplete(ScorecardResult result) {}
}
