package dev.backstage4j.plugin.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backstage4j.plugin.BackstagePrincipal;
import java.util.Map;

/** What an action does; its input has already been validated against the action's input schema. */
@FunctionalInterface
public interface ActionHandler {

  /**
   * Runs the action.
   *
   * @param input the validated input object
   * @param secrets the secrets sent with a v2 invoke (empty for v1; never log them)
   * @param caller the verified caller (for the scaffolder and MCP: the calling plugin, on behalf of a user)
   * @return the output; Jackson serialises it and it is validated against the output schema
   * @throws ActionException to fail with a Backstage error name and status
   */
  Object invoke(JsonNode input, Map<String, String> secrets, BackstagePrincipal caller);
}
