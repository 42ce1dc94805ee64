package dev.backstage4j.adoption;

import java.util.Locale;

/** Holds a KPI fraction: how many of how many. Immutable. */
public final class Ratio {
  private final long count;
  private final long total;

  private Ratio(long count, long total) {
    this.count = count;
    this.total = total;
  }

  /**
   * {@return the ratio count / total}
   *
   * @param count how many; 0 or more
   * @param total out of how many; at least {@code count}
   */
  public static Ratio of(long count, long total) {
    if (count < 0 || total < count) {
      throw new IllegalArgumentException("Ratio needs 0 <= count <= total, found " + count + "/" + total);
    }
    return new Ratio(count, total);
  }

  /** {@return the numerator} */
  public long count() {
    return count;
  }

  /** {@return the denominator} */
  public long total() {
    return total;
  }

  /** {@return count / total in percent; 0 when the total is 0} */
  public double percent() {
    return total == 0 ? 0.0 : 100.0 * count / total;
  }

  /** {@return whether the other object has equal count and total} */
  @Override
  public boolean equals(Object o) {
    return o instanceof Ratio && ((Ratio) o).count == count && ((Ratio) o).total == total;
  }

  /** {@return a hash of count and total} */
  @Override
  public int hashCode() {
    return Long.hashCode(count) * 31 + Long.hashCode(total);
  }

  /** {@return for example {@code 7/8 (87.5%)}} */
  @Override
  public String toString() {
    return count + "/" + total + String.format(Locale.ROOT, " (%.1f%%)", percent());
  }
}
