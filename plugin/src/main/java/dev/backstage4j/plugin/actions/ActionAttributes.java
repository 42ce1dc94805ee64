package dev.backstage4j.plugin.actions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hints an action declares; {@code null} means "not said". They are resolved the way Backstage's Node registry
 * resolves them before listing: {@code readOnly} defaults to false, {@code destructive} to {@code !readOnly},
 * {@code idempotent} to false. The scaffolder dry-runs only read-only, non-destructive actions.
 *
 * @param readOnly whether the action only reads
 * @param destructive whether the action may destroy data
 * @param idempotent whether repeating the action has no further effect
 */
public record ActionAttributes(Boolean readOnly, Boolean destructive, Boolean idempotent) {

  /** No hints: resolves to a writing, destructive, non-idempotent action, as in Node. */
  public static final ActionAttributes NONE = new ActionAttributes(null, null, null);

  /** A read-only, non-destructive, idempotent action (the scaffolder invokes it during dry-run). */
  public static final ActionAttributes READ_ONLY = new ActionAttributes(true, false, true);

  /** {@return the three attributes with Node's defaults applied, in the order Node lists them} */
  public Map<String, Boolean> resolved() {
    boolean ro = Boolean.TRUE.equals(readOnly);
    Map<String, Boolean> out = new LinkedHashMap<>();
    out.put("destructive", destructive == null ? !ro : destructive);
    out.put("idempotent", Boolean.TRUE.equals(idempotent));
    out.put("readOnly", ro);
    return out;
  }
}
