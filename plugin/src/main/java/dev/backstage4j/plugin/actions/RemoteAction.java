package dev.backstage4j.plugin.actions;

import java.util.List;
import java.util.Map;

/**
 * An action as a plugin's actions registry lists it ({@code GET /.backstage/actions/v1/actions}), read by
 * {@link ActionsClient}: a Node plugin's ({@code catalog:get-catalog-entity}) or a Java plugin's.
 *
 * @param id {@code <pluginId>:<name>}, what {@link ActionsClient#invoke} takes
 * @param name the name within the plugin
 * @param pluginId the plugin serving it (the invoke goes there)
 * @param title the title
 * @param description what it does
 * @param attributes {@code readOnly}, {@code destructive}, {@code idempotent}
 * @param inputSchema the JSON Schema of the input
 * @param outputSchema the JSON Schema of the output, or an empty map
 * @param secretsSchema the JSON Schema of the secrets, or null when it takes none
 */
public record RemoteAction(String id, String name, String pluginId, String title, String description,
    Map<String, Boolean> attributes, Map<String, Object> inputSchema, Map<String, Object> outputSchema,
    Map<String, Object> secretsSchema) {

  /** {@return whether the scaffolder runs it during a dry run: read-only and not destructive} */
  public boolean supportsDryRun() {
    return Boolean.TRUE.equals(attributes.get("readOnly")) && Boolean.FALSE.equals(attributes.get("destructive"));
  }

  @SuppressWarnings("unchecked")
  static RemoteAction fromJson(Map<String, Object> m) {
    Map<String, Object> schema = m.get("schema") instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of();
    Map<String, Boolean> attributes = new java.util.LinkedHashMap<>();
    if (m.get("attributes") instanceof Map<?, ?> a) {
      a.forEach((k, v) -> attributes.put(String.valueOf(k), Boolean.TRUE.equals(v)));
    }
    return new RemoteAction(String.valueOf(m.get("id")), String.valueOf(m.get("name")),
        String.valueOf(m.get("pluginId")), (String) m.get("title"), (String) m.get("description"),
        Map.copyOf(attributes), map(schema.get("input")), map(schema.get("output")),
        schema.get("secrets") == null ? null : map(schema.get("secrets")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** Lists of remote actions, as they arrive. */
  static List<RemoteAction> fromList(Object body) {
    if (!(body instanceof Map<?, ?> m) || !(m.get("actions") instanceof List<?> list)) {
      throw new IllegalArgumentException("the actions list has no \"actions\" array");
    }
    return list.stream().map(a -> fromJson(map(a))).toList();
  }
}
