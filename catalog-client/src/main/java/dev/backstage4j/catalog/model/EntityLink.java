package dev.backstage4j.catalog.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Describes one of an entity's {@code metadata.links}: a URL with an optional title, icon and type.
 *
 * <p>Immutable. Optional parts are null when absent.
 */
public final class EntityLink {
  private final String url;
  private final String title;
  private final String icon;
  private final String type;

  private EntityLink(String url, String title, String icon, String type) {
    this.url = Objects.requireNonNull(url, "url");
    this.title = title;
    this.icon = icon;
    this.type = type;
  }

  /**
   * {@return a link to the given URL with no title, icon or type}
   *
   * @param url the link target
   */
  public static EntityLink of(String url) {
    return new EntityLink(url, null, null, null);
  }

  /**
   * {@return a link with the given URL, title, icon and type; all but the URL may be null}
   *
   * @param url the link target
   * @param title the text shown, or null
   * @param icon the icon name Backstage shows, or null
   * @param type a free-form category such as {@code dashboard}, or null
   */
  public static EntityLink of(String url, String title, String icon, String type) {
    return new EntityLink(url, title, icon, type);
  }

  /** {@return the URL} */
  public String url() {
    return url;
  }

  /** {@return the title, or null} */
  public String title() {
    return title;
  }

  /** {@return the icon name, or null} */
  public String icon() {
    return icon;
  }

  /** {@return the link type, or null} */
  public String type() {
    return type;
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("url", url);
    if (title != null) {
      m.put("title", title);
    }
    if (icon != null) {
      m.put("icon", icon);
    }
    if (type != null) {
      m.put("type", type);
    }
    return m;
  }

  /** {@return whether the other object is a link with the same parts} */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof EntityLink)) {
      return false;
    }
    EntityLink l = (EntityLink) o;
    return url.equals(l.url) && Objects.equals(title, l.title) && Objects.equals(icon, l.icon)
        && Objects.equals(type, l.type);
  }

  /** {@return a hash of the parts} */
  @Override
  public int hashCode() {
    return Objects.hash(url, title, icon, type);
  }

  /** {@return the link's parts for debugging} */
  @Override
  public String toString() {
    return "EntityLink{url=" + url + (title == null ? "" : ", title=" + title) + (icon == null ? "" : ", icon=" + icon)
        + (type == null ? "" : ", type=" + type) + "}";
  }
}
