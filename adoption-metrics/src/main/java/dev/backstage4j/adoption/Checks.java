package dev.backstage4j.adoption;

import dev.backstage4j.catalog.model.Annotations;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.catalog.model.EntityValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Creates the built-in checks. Each has a stable id (used in scorecard files, snapshots and exemptions), a title,
 * a "how to fix" text and a default scope that limits it to the kinds where it makes sense; change any of these
 * with the {@code with*} methods on {@link Check}.
 *
 * <table>
 *   <caption>Built-in checks</caption>
 *   <tr><th>id</th><th>passes when</th><th>default scope</th></tr>
 *   <tr><td>has-owner</td><td>{@code spec.owner} is a non-blank string</td><td>owned kinds</td></tr>
 *   <tr><td>owner-resolves</td><td>{@code spec.owner} names a Group or User in the context</td>
 *       <td>owned kinds</td></tr>
 *   <tr><td>has-description</td><td>{@code metadata.description} is non-blank</td><td>all</td></tr>
 *   <tr><td>has-system</td><td>{@code spec.system} is non-blank</td><td>Component, API, Resource</td></tr>
 *   <tr><td>has-lifecycle</td><td>{@code spec.lifecycle} is one of the allowed values</td>
 *       <td>Component, API</td></tr>
 *   <tr><td>has-techdocs</td><td>annotation {@code backstage.io/techdocs-ref} is non-blank</td>
 *       <td>Component, API, System</td></tr>
 *   <tr><td>has-source-location</td><td>annotation {@code backstage.io/source-location} is non-blank</td>
 *       <td>Component, API, Template</td></tr>
 *   <tr><td>has-tags</td><td>{@code metadata.tags} is not empty</td><td>all</td></tr>
 *   <tr><td>has-links</td><td>{@code metadata.links} is not empty</td><td>all</td></tr>
 *   <tr><td>declares-apis</td><td>{@code spec.providesApis} or {@code spec.consumesApis} is not empty</td>
 *       <td>Component of type service</td></tr>
 *   <tr><td>is-valid</td><td>the entity passes the offline {@link EntityValidator}</td>
 *       <td>all</td></tr>
 *   <tr><td><i>any</i></td><td>{@link #annotation(String, String, String)}: the named annotation is non-blank</td>
 *       <td>all</td></tr>
 * </table>
 */
public final class Checks {
  /** The kinds whose spec has an {@code owner} field. */
  public static final Set<String> OWNED_KINDS =
      Set.of("component", "api", "resource", "system", "domain", "template");
  /** The lifecycle values Backstage documents. */
  public static final List<String> DEFAULT_LIFECYCLES = List.of("production", "experimental", "deprecated");


  private Checks() {}

  /** {@return every built-in check with its default settings, in a sensible order for a first scorecard} */
  public static List<Check> all() {
    return List.of(hasOwner(), ownerResolves(), hasDescription(), hasSystem(), hasLifecycle(), hasTechDocs(),
        hasSourceLocation(), hasTags(), hasLinks(), declaresApis(), valid());
  }

  /**
   * {@return the built-in check with the given id, or null when there is none}
   *
   * @param id the check's id, e.g. {@code has-owner}
   */
  public static Check byId(String id) {
    for (Check c : all()) {
      if (c.id().equals(id)) {
        return c;
      }
    }
    return null;
  }

  /** {@return {@code has-owner}} */
  public static Check hasOwner() {
    return Check.of("has-owner", "Has an owner", "Set spec.owner to the team that owns it, e.g. group:my-team.",
        (Entity e) -> EntityFacts.nonBlank(e.spec().get("owner"))).withScope(owned());
  }

  /** {@return {@code owner-resolves}: needs an {@link EvaluationContext} that knows the owners} */
  public static Check ownerResolves() {
    return Check.of("owner-resolves", "Owner exists in the catalog",
        "Make spec.owner name an existing Group or User (check spelling and namespace).",
        (Entity e, EvaluationContext c) -> {
          EntityRef owner = EntityFacts.owner(e);
          return owner != null && c.ownerExists(owner);
        }).withScope(owned());
  }

  /** {@return {@code has-description}} */
  public static Check hasDescription() {
    return Check.of("has-description", "Has a description", "Add metadata.description: one sentence on what it is.",
        (Entity e) -> EntityFacts.nonBlank(e.metadata().description()));
  }

  /** {@return {@code has-system}} */
  public static Check hasSystem() {
    return Check.of("has-system", "Belongs to a system", "Set spec.system to the system it is part of.",
        (Entity e) -> EntityFacts.nonBlank(e.spec().get("system")))
        .withScope(Scope.kinds("Component", "API", "Resource"));
  }

  /** {@return {@code has-lifecycle} accepting {@link #DEFAULT_LIFECYCLES}} */
  public static Check hasLifecycle() {
    return hasLifecycle(DEFAULT_LIFECYCLES);
  }

  /**
   * {@return {@code has-lifecycle} accepting the given values (compared case-insensitively)}
   *
   * @param allowed the accepted lifecycle values
   */
  public static Check hasLifecycle(List<String> allowed) {
    Set<String> ok = new TreeSet<>();
    allowed.forEach(a -> ok.add(a.toLowerCase(Locale.ROOT)));
    return Check.of("has-lifecycle", "Lifecycle is set", "Set spec.lifecycle to one of " + ok + ".",
        (Entity e) -> {
          Object v = e.spec().get("lifecycle");
          return v instanceof String && ok.contains(((String) v).toLowerCase(Locale.ROOT));
        }).withScope(Scope.kinds("Component", "API"));
  }

  /** {@return {@code has-techdocs}} */
  public static Check hasTechDocs() {
    return annotation("has-techdocs", Annotations.TECHDOCS_REF, "Has TechDocs")
        .withHowToFix("Add the annotation backstage.io/techdocs-ref: dir:. and a docs/ folder with mkdocs.yml.")
        .withScope(Scope.kinds("Component", "API", "System"));
  }

  /** {@return {@code has-source-location}} */
  public static Check hasSourceLocation() {
    return annotation("has-source-location", Annotations.SOURCE_LOCATION, "Source location is known")
        .withHowToFix("Add the annotation backstage.io/source-location: url:https://<repo url>/.")
        .withScope(Scope.kinds("Component", "API", "Template"));
  }

  /**
   * Returns a check that passes when the annotation is present and non-blank, for example
   * {@code annotation("has-on-call", "pagerduty.com/service-id", "On-call is set up")} or
   * {@code annotation("has-sonar", "sonarqube.org/project-key", "Code quality is tracked")}.
   *
   * @param id the check's id
   * @param annotationKey the annotation that must be set, e.g. {@code pagerduty.com/service-id}
   * @param title the check's title, shown in reports
   * @return the check
   */
  public static Check annotation(String id, String annotationKey, String title) {
    return Check.of(id, title, "Add the annotation " + annotationKey + ".",
        (Entity e) -> EntityFacts.nonBlank(e.metadata().annotations().get(annotationKey)));
  }

  /** {@return {@code has-tags}} */
  public static Check hasTags() {
    return Check.of("has-tags", "Has tags", "Add metadata.tags, e.g. the language and framework.",
        (Entity e) -> !e.metadata().tags().isEmpty());
  }

  /** {@return {@code has-links}} */
  public static Check hasLinks() {
    return Check.of("has-links", "Has links", "Add metadata.links to dashboards, runbooks or the live site.",
        (Entity e) -> !e.metadata().links().isEmpty());
  }

  /** {@return {@code declares-apis}} */
  public static Check declaresApis() {
    return Check.of("declares-apis", "Declares the APIs it provides or consumes",
        "List spec.providesApis and spec.consumesApis.",
        (Entity e) -> EntityFacts.nonEmptyList(e.spec().get("providesApis"))
            || EntityFacts.nonEmptyList(e.spec().get("consumesApis")))
        .withScope(Scope.kinds("Component").withTypes("service"));
  }

  /**
   * Returns {@code is-valid}: the entity passes the offline {@link EntityValidator} (the verdict a Backstage
   * catalog with default processing gives). The server-set root fields {@code relations} and {@code status} are
   * ignored, so entities read from the catalog API can be checked.
   *
   * @return the {@code is-valid} check
   */
  public static Check valid() {
    EntityValidator validator = EntityValidator.create();
    return Check.of("is-valid", "Entity is valid",
        "Fix the problems `backstage-cli catalog validate` (or EntityValidator) reports for it.",
        (Entity e) -> {
          Map<String, Object> tree = e.toMap();
          if (tree.containsKey("relations") || tree.containsKey("status")) {
            tree = new LinkedHashMap<>(tree);
            tree.remove("relations");
            tree.remove("status");
          }
          return validator.validate(tree).isValid();
        });
  }

  private static Scope owned() {
    return Scope.kinds(OWNED_KINDS.toArray(new String[0]));
  }
}
