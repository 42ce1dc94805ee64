package dev.backstage4j.testkit;

/**
 * Implements a scaffolder action in Java, so templates run by {@link FakeBackstage} can use actions the fake does
 * not ship (for example a stand-in for {@code publish:github}).
 *
 * <pre>{@code
 * FakeBackstage.builder()
 *     .action("acme:publish", ctx -> ctx.output("remoteUrl", "https://git.example/" + ctx.input().get("repo")))
 *     .build();
 * }</pre>
 *
 * <p>Throwing fails the step and the task, as in Backstage: the task log gets the error and the completion event
 * carries its name and message.
 */
@FunctionalInterface
public interface ScaffolderAction {
  /**
   * Runs the action for one step.
   *
   * @param context the step's rendered input, logger, outputs and in-memory workspace
   * @throws Exception to fail the step
   */
  void execute(ActionContext context) throws Exception;
}
