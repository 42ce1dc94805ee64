package dev.backstage4j.scaffolder.template;

import java.util.Objects;

/** Describes one problem found in a template: where (a path such as {@code spec.steps[1] (publish).input.url}) and what. */
public final class TemplateProblem {
  private final String location;
  private final String message;

  TemplateProblem(String location, String message) {
    this.location = location;
    this.message = message;
  }

  /** {@return where the problem is, naming the step and the field} */
  public String location() {
    return location;
  }

  /** {@return what is wrong} */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TemplateProblem && location.equals(((TemplateProblem) o).location)
        && message.equals(((TemplateProblem) o).message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(location, message);
  }

  @Override
  public String toString() {
    return location + ": " + message;
  }
}
