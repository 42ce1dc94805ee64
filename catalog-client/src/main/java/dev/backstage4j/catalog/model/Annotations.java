package dev.backstage4j.catalog.model;

/**
 * Names well-known entity annotation keys.
 *
 * <p>Keys with the {@code backstage.io/} prefix are reserved for Backstage itself.
 */
public final class Annotations {
  private Annotations() {}

  /** The location ({@code <type>:<target>}) the catalog read the entity from; set by the catalog. */
  public static final String MANAGED_BY_LOCATION = "backstage.io/managed-by-location";
  /** The registered location that first led to the entity; set by the catalog. */
  public static final String MANAGED_BY_ORIGIN_LOCATION = "backstage.io/managed-by-origin-location";
  /** Location ref of the entity's source code (folder URLs end with {@code /}). */
  public static final String SOURCE_LOCATION = "backstage.io/source-location";
  /** {@code "true"} when no location keeps the entity alive and it is scheduled for deletion. */
  public static final String ORPHAN = "backstage.io/orphan";
  /** A URL to view the entity in an external tool. */
  public static final String VIEW_URL = "backstage.io/view-url";
  /** A URL to edit the entity in an external tool. */
  public static final String EDIT_URL = "backstage.io/edit-url";
  /** Where TechDocs finds the documentation: {@code dir:.} or {@code url:https://...}. */
  public static final String TECHDOCS_REF = "backstage.io/techdocs-ref";
  /** Ref of the template that created the entity. */
  public static final String SOURCE_TEMPLATE = "backstage.io/source-template";
  /** ISO-8601 duration a template saves per run, for example {@code PT4H}. */
  public static final String TIME_SAVED = "backstage.io/time-saved";
  /** GitHub {@code org/repo} slug. */
  public static final String GITHUB_PROJECT_SLUG = "github.com/project-slug";
  /** Kubernetes API server URL. */
  public static final String KUBERNETES_API_SERVER = "kubernetes.io/api-server";
  /** Kubernetes API server certificate authority. */
  public static final String KUBERNETES_API_SERVER_CA = "kubernetes.io/api-server-certificate-authority";
  /** Kubernetes auth provider. */
  public static final String KUBERNETES_AUTH_PROVIDER = "kubernetes.io/auth-provider";
}
