package dev.backstage4j.examples.scripts;

import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.EntityFilter;
import dev.backstage4j.catalog.EntityQuery;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists components with no owner, or an owner that is not a Group or User in the catalog; exits with 1 when
 * there are any, so it can run in CI.
 *
 * <pre>java -cp examples/scripts/target/scripts.jar dev.backstage4j.examples.scripts.UnownedComponents</pre>
 */
public final class UnownedComponents {
  private UnownedComponents() {
  }

  /**
   * Runs the script.
   *
   * @param args unused; the backend is {@code BACKSTAGE_URL} with the token {@code BACKSTAGE_TOKEN}
   */
  public static void main(String[] args) {
    List<String> problems = find(Connect.catalog());
    problems.forEach(System.out::println);
    System.err.println(problems.size() + " components without a real owner");
    System.exit(problems.isEmpty() ? 0 : 1);
  }

  /** {@return one line per component whose owner is missing or unknown: {@code ref<TAB>reason}} */
  static List<String> find(CatalogClient catalog) {
    Set<EntityRef> owners = new HashSet<>();
    EntityQuery groupsAndUsers = EntityQuery.builder()
        .filter(EntityFilter.builder().kind("group", "user").build())
        .fields("kind", "metadata.name", "metadata.namespace").build();
    catalog.entities().query(groupsAndUsers).forEach(e -> owners.add(e.ref()));
    EntityQuery components = EntityQuery.builder().filter(EntityFilter.builder().kind("component").build())
        .fields("kind", "metadata.name", "metadata.namespace", "spec.owner").build();
    List<String> out = new ArrayList<>();
    for (Entity c : catalog.entities().query(components)) {
      Object owner = c.spec().get("owner");
      if (!(owner instanceof String) || ((String) owner).isBlank()) {
        out.add(c.ref() + "\tno spec.owner");
      } else if (!owners.contains(EntityRef.parse((String) owner, "group", c.metadata().namespace()))) {
        out.add(c.ref() + "\towner " + owner + " is not a Group or User in the catalog");
      }
    }
    out.sort(null);
    return out;
  }
}
