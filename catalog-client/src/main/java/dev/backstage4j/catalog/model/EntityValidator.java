package dev.backstage4j.catalog.model;

import dev.backstage4j.catalog.model.internal.JsRules;
import dev.backstage4j.catalog.model.internal.MiniSchema;
import dev.backstage4j.catalog.model.internal.WhatwgUrl;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks entities offline and gives the same accept/reject verdict as a Backstage catalog with its default
 * processing: the envelope schema, the default entity policies ({@code SchemaValidEntityPolicy},
 * {@code DefaultNamespaceEntityPolicy}, {@code NoForeignRootFieldsEntityPolicy}, {@code FieldFormatEntityPolicy})
 * and the kind schemas of the built-in kinds ({@code backstage.io/v1alpha1} and {@code v1beta1}: Component, API,
 * Resource, System, Domain, Group, User, Location) plus Template {@code scaffolder.backstage.io/v1beta3}, as
 * published in {@code @backstage/catalog-model} 1.10.1 and {@code @backstage/plugin-scaffolder-common} 2.3.0.
 *
 * <p>It checks what the catalog accepts as <em>input</em> (a catalog-info.yaml document, a registered entity):
 * as in Backstage, the root may only hold {@code apiVersion}, {@code kind}, {@code metadata} and {@code spec},
 * so entities read back from the catalog API (which carry {@code relations} and {@code status}) are rejected
 * unless those keys are removed. A kind the catalog has no built-in schema for is rejected, as the catalog does
 * without custom processors.
 *
 * <p>Every violation is reported, not only the first. The validator is immutable and thread-safe; share one
 * instance.
 *
 * <pre>{@code
 * ValidationResult result = EntityValidator.create().validate(tree);
 * if (!result.isValid()) {
 *   result.violations().forEach(v -> System.err.println(v));
 * }
 * }</pre>
 */
public final class EntityValidator {
  private static final String LEARN_MORE = "";
  private static final String[][] KINDS = {
      {"Component", "ComponentV1alpha1", "backstage.io/v1alpha1", "backstage.io/v1beta1"},
      {"API", "ApiV1alpha1", "backstage.io/v1alpha1", "backstage.io/v1beta1"},
      {"Resource", "ResourceV1alpha1", "backstage.io/v1alpha1", "backstage.io/v1beta1"},
      {"System", "SystemV1alpha1", "backstage.io/v1alpha1", "backstage.io/v1beta1"},
      {"Domain", "DomainV1alpha1", "backstage.io/v1alpha1", "backstage.io/v1beta1"},
      {"Group", "GroupV1alpha1", "backstage.io/v1alpha1", "backstage.io/v1beta1"},
      {"User", "UserV1alpha1", "backstage.io/v1alpha1", "backstage.io/v1beta1"},
      {"Location", "LocationV1alpha1", "backstage.io/v1alpha1", "backstage.io/v1beta1"},
      {"Template", "TemplateV1beta3", "scaffolder.backstage.io/v1beta3"},
  };
  private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata", "spec");
  private static final EntityValidator DEFAULT = new EntityValidator();

  private final MiniSchema.Node entity;
  private final MiniSchema.Node[] kindSchemas = new MiniSchema.Node[KINDS.length];

  private EntityValidator() {
    MiniSchema schemas = MiniSchema.load("common", "EntityMeta", "Entity", "EntityEnvelope", "Component.v1alpha1",
        "API.v1alpha1", "Resource.v1alpha1", "System.v1alpha1", "Domain.v1alpha1", "Group.v1alpha1",
        "User.v1alpha1", "Location.v1alpha1", "Template.v1beta3");
    entity = schemas.get("Entity");
    for (int i = 0; i < KINDS.length; i++) {
      kindSchemas[i] = schemas.get(KINDS[i][1]);
    }
  }

  /** {@return the validator with Backstage's default rules} */
  public static EntityValidator create() {
    return DEFAULT;
  }

  /**
   * Validates an entity built with this library.
   *
   * @param e the entity to check
   * @return every violation found; valid when there is none
   */
  public ValidationResult validate(Entity e) {
    return validate(e.toMap());
  }

  /**
   * Validates a raw entity tree (maps, lists, strings, numbers, booleans, null), as decoded from JSON or YAML.
   * Trees too broken to become an {@link Entity} are fine: every problem is reported.
   *
   * @param tree the entity tree to check
   * @return every violation found; valid when there is none
   */
  public ValidationResult validate(Map<String, ?> tree) {
    return new ValidationResult(tree, check(tree), null);
  }

  List<Violation> check(Map<String, ?> tree) {
    MiniSchema.Node schema = kindSchema(tree);
    if (schema != null && schema.accepts(tree) && rootFieldsOnly(tree)) {
      // The fast path for the common case: the schema part finds nothing, so only field formats can.
      List<Violation> formats = new ArrayList<>(0);
      fieldFormat(tree, formats);
      return formats.isEmpty() ? List.of() : List.copyOf(new LinkedHashSet<>(formats));
    }
    Set<Violation> out = new LinkedHashSet<>();
    List<Violation> buf = new ArrayList<>();
    // The envelope schema's rules are a subset of the Entity schema's, and every kind schema starts with
    // allOf [$ref Entity]: the Entity schema is checked once, inside the kind schema when one applies.
    if (!kind(tree, buf)) {
      entity.check(tree, "", buf);
    }
    for (String key : tree.keySet()) {
      if (!ROOT_FIELDS.contains(key)) {
        buf.add(Violation.of(key, "is not an allowed field at the root of an entity"
            + " (allowed: apiVersion, kind, metadata, spec; relations and status are set by the catalog)"));
      }
    }
    out.addAll(dedupeRoot(buf));
    buf.clear();
    fieldFormat(tree, buf);
    out.addAll(buf);
    return List.copyOf(out);
  }

  private static boolean rootFieldsOnly(Map<String, ?> tree) {
    for (String key : tree.keySet()) {
      if (!ROOT_FIELDS.contains(key)) {
        return false;
      }
    }
    return true;
  }

  private static List<Violation> dedupeRoot(List<Violation> in) {
    // The Entity schema's "additionalProperties: false" and NoForeignRootFields report the same key; keep the
    // clearer second message.
    List<Violation> out = new ArrayList<>();
    for (Violation v : in) {
      if (v.message().startsWith("is not an allowed field (") && !v.path().contains(".")) {
        continue;
      }
      out.add(v);
    }
    return out;
  }

  /** Checks the kind schema that applies, if any, and returns whether there was one. */
  private boolean kind(Map<String, ?> tree, List<Violation> out) {
    Object kind = tree.get("kind");
    Object apiVersion = tree.get("apiVersion");
    int i = kindIndex(kind);
    if (i >= 0) {
      if (knowsVersion(i, apiVersion)) {
        kindSchemas[i].check(tree, "", out);
        return true;
      }
      if (apiVersion instanceof String) {
        List<String> versions = List.of(KINDS[i]).subList(2, KINDS[i].length);
        out.add(Violation.of("apiVersion", "kind " + kind + " has no schema for apiVersion \"" + apiVersion
            + "\" (known: " + String.join(", ", versions) + ")"));
      }
      return false;
    }
    if (kind instanceof String && !((String) kind).isEmpty()) {
      out.add(Violation.of("kind", "\"" + kind + "\" is not a kind the catalog recognizes (built-in kinds: "
          + "Component, API, Resource, System, Domain, Group, User, Location, Template; kinds are case-sensitive)"));
    }
    return false;
  }

  /** {@return the kind schema for the tree's kind and apiVersion, or null when there is none} */
  private MiniSchema.Node kindSchema(Map<String, ?> tree) {
    int i = kindIndex(tree.get("kind"));
    return i >= 0 && knowsVersion(i, tree.get("apiVersion")) ? kindSchemas[i] : null;
  }

  private static int kindIndex(Object kind) {
    for (int i = 0; i < KINDS.length; i++) {
      if (KINDS[i][0].equals(kind)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean knowsVersion(int kindIndex, Object apiVersion) {
    for (int j = 2; j < KINDS[kindIndex].length; j++) {
      if (KINDS[kindIndex][j].equals(apiVersion)) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private static void fieldFormat(Map<String, ?> tree, List<Violation> out) {
    Object apiVersion = tree.get("apiVersion");
    if (apiVersion instanceof String && !JsRules.isApiVersion((String) apiVersion)) {
      out.add(format("apiVersion", "apiVersion", "a valid prefix and/or suffix", apiVersion));
    }
    Object kind = tree.get("kind");
    if (kind instanceof String && !JsRules.isKind((String) kind)) {
      out.add(format("kind", "kind",
          "a string that is a sequence of [a-zA-Z][a-z0-9A-Z], at most 63 characters in total", kind));
    }
    if (!(tree.get("metadata") instanceof Map)) {
      return;
    }
    Map<String, Object> md = (Map<String, Object>) tree.get("metadata");
    Object name = md.get("name");
    if (name instanceof String && !JsRules.isObjectName((String) name)) {
      out.add(format("metadata.name", "metadata.name", OBJECT_NAME, name));
    }
    Object ns = md.get("namespace");
    if (ns instanceof String && !JsRules.isDnsLabel((String) ns)) {
      out.add(format("metadata.namespace", "metadata.namespace",
          "a string that is sequences of [a-z0-9] separated by [-], at most 63 characters in total", ns));
    }
    if (md.get("labels") instanceof Map) {
      ((Map<String, Object>) md.get("labels")).forEach((k, v) -> {
        if (!JsRules.isLabelKey(k)) {
          out.add(format("metadata.labels." + k, "labels." + k, "a valid prefix and/or suffix", k));
        } else if (v instanceof String && !JsRules.isLabelValue((String) v)) {
          out.add(format("metadata.labels." + k, "labels." + k, OBJECT_NAME, v));
        }
      });
    }
    if (md.get("annotations") instanceof Map) {
      ((Map<String, Object>) md.get("annotations")).forEach((k, v) -> {
        if (!JsRules.isLabelKey(k)) {
          out.add(format("metadata.annotations." + k, "annotations." + k, "a valid prefix and/or suffix", k));
        } else if (!(v instanceof String)) {
          out.add(format("metadata.annotations." + k, "annotations." + k, "a string", v));
        }
      });
    }
    if (md.get("tags") instanceof List) {
      List<Object> tags = (List<Object>) md.get("tags");
      for (int i = 0; i < tags.size(); i++) {
        Object t = tags.get(i);
        if (t instanceof String && !JsRules.isTag((String) t)) {
          out.add(format("metadata.tags." + i, "tags." + i,
              "a string that is sequences of [a-z0-9+#] separated by [-], at most 63 characters in total", t));
        }
      }
    }
    if (md.get("links") instanceof List) {
      List<Object> links = (List<Object>) md.get("links");
      for (int i = 0; i < links.size(); i++) {
        if (!(links.get(i) instanceof Map)) {
          continue;
        }
        Map<String, Object> link = (Map<String, Object>) links.get(i);
        Object url = link.get("url");
        if (url instanceof String && !WhatwgUrl.isValid((String) url)) {
          out.add(format("metadata.links." + i + ".url", "links." + i + ".url", "a string that is a valid url",
              url));
        }
        for (String part : new String[] {"title", "icon"}) {
          Object v = link.get(part);
          if (v instanceof String && !JsRules.isNonBlank((String) v)) {
            out.add(format("metadata.links." + i + "." + part, "links." + i + "." + part, "a non empty string", v));
          }
        }
      }
    }
  }

  private static final String OBJECT_NAME =
      "a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total";

  private static Violation format(String path, String field, String expectation, Object value) {
    return Violation.of(path, "\"" + field + "\" is not valid; expected " + expectation + " but found \"" + value
        + "\"." + LEARN_MORE);
  }
}
