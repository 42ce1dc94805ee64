package dev.backstage4j.scaffolder.template;

import dev.backstage4j.core.BackstageException;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a template has problems; the message lists each with its step and field. */
public final class TemplateValidationException extends BackstageException {
  private static final long serialVersionUID = 1L;

  private final transient List<TemplateProblem> problems;

  TemplateValidationException(String template, List<TemplateProblem> problems) {
    super("template " + template + " has " + problems.size() + " problem(s):\n  - "
        + problems.stream().map(TemplateProblem::toString).collect(Collectors.joining("\n  - ")));
    this.problems = List.copyOf(problems);
  }

  /** {@return the problems found} */
  public List<TemplateProblem> problems() {
    return problems == null ? List.of() : problems;
  }
}
