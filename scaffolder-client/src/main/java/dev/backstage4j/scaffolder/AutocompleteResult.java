package dev.backstage4j.scaffolder;

import java.util.Objects;

/** Describes one suggestion from an autocomplete provider (for example a repository name). */
public final class AutocompleteResult {
  private final String id;
  private final String title;

  AutocompleteResult(String id, String title) {
    this.id = id;
    this.title = title;
  }

  /** {@return the value to use} */
  public String id() {
    return id;
  }

  /** {@return the display title, or the id when the server sent none} */
  public String title() {
    return title == null ? id : title;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AutocompleteResult && Objects.equals(id, ((AutocompleteResult) o).id)
        && Objects.equals(title, ((AutocompleteResult) o).title);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, title);
  }

  @Override
  public String toString() {
    return "AutocompleteResult{" + id + "}";
  }
}
