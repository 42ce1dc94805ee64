package dev.backstage4j.plugin.actions;

/** What an action does; its input has already been validated against the action's input schema. */
@FunctionalInterface
public interface ActionHandler {

  /**
   * Runs the action.
   *
   * @param call the validated input, the verified caller and credentials to call Backstage
   * @return the output (any value Jackson writes: a record, a map); it is validated against the output schema.
   *     The scaffolder exposes each key of an object output as {@code steps.<id>.output.<key>}.
   * @throws dev.backstage4j.plugin.HttpError to fail with a Backstage error name and its status (the caller
   *     sees the message); any other exception fails with a 500 whose message only the server log shows
   * @throws Exception anything the handler does not handle itself
   */
  Object invoke(ActionCall call) throws Exception;
}
