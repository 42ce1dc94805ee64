package dev.backstage4j.scaffolder;

import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.ClientBuilder;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.scaffolder.internal.DefaultScaffolderClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Calls the Backstage scaffolder ({@code /api/scaffolder/v2}). Thread-safe; create one per backend and share it.
 * Operations are grouped: {@link #tasks()}, {@link #templates()}, {@link #actions()}.
 *
 * <pre>{@code
 * ScaffolderClient scaffolder = ScaffolderClient.create(URI.create("http://localhost:7007"),
 *     CredentialsProvider.staticToken(token));
 * String id = scaffolder.tasks().create(TaskRequest.builder()
 *     .templateRef("template:default/hello-world").value("name", "svc").build());
 * try (TaskEventStream log = scaffolder.tasks().follow(id)) {
 *   log.forEachRemaining(e -> System.out.println(e.plainMessage()));
 * }
 * }</pre>
 */
public interface ScaffolderClient extends AutoCloseable {

  /** {@return a builder for a client with full configuration} */
  static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a client for the backend at {@code baseUrl} (e.g. {@code http://backstage:7007}) with default settings}
   *
   * @param baseUrl the backend's root, without {@code /api}
   * @param credentials where tokens come from, e.g. {@link CredentialsProvider#staticToken(String)}
   */
  static ScaffolderClient create(URI baseUrl, CredentialsProvider credentials) {
    return builder().baseUrl(baseUrl).credentials(credentials).build();
  }

  /**
   * {@return a client that sends other credentials (e.g. a user's token) and shares this client's connections}
   *
   * @param credentials the other principal's token source
   */
  ScaffolderClient withCredentials(CredentialsProvider credentials);

  /** {@return the task operations} */
  Tasks tasks();

  /** {@return the template operations (parameter schema, dry-run, templating extensions, autocomplete)} */
  Templates templates();

  /** {@return the action operations} */
  Actions actions();

  /**
   * Closes this client: later calls throw {@link IllegalStateException}, calls in flight finish. Closing a
   * client made by {@link #withCredentials} does nothing (it belongs to the client it came from). Idempotent.
   * Its threads are daemons, so a program ends when {@code main} returns, closed or not.
   */
  @Override
  void close();

  /** Starts, reads, lists, cancels, retries and follows scaffolder tasks. */
  interface Tasks {

    /**
     * Starts a task and returns its id. Never repeated automatically: the server has no idempotency key.
     *
     * @param request the template and its parameter values
     * @return the new task's id
     * @throws dev.backstage4j.core.InputException when the values fail the template's schema (details name the
     *     fields)
     * @throws dev.backstage4j.core.NotFoundException when the template does not exist
     * @throws dev.backstage4j.core.OutcomeUnknownException when the connection broke after the request may have
     *     reached the server; list your tasks (createdBy, newest first) to see whether it was created
     */
    String create(TaskRequest request);

    /**
     * {@return a task; throws {@link dev.backstage4j.core.NotFoundException} for an unknown id}
     *
     * @param taskId the task's id, as {@link #create} returned it
     */
    Task get(String taskId);

    /**
     * {@return one page of tasks matching the query}
     *
     * @param query filters, order and paging
     */
    TaskList list(TaskQuery query);

    /**
     * Asks the server to cancel a task. The server answers {@code cancelled} even for finished tasks; a running
     * task then emits a {@link TaskEventType#CANCELLED} event and ends with status {@link TaskStatus#FAILED}.
     *
     * @param taskId the task's id
     */
    void cancel(String taskId);

    /**
     * Re-runs a failed task from the failed step with fresh secrets and returns its id (the same id).
     *
     * @param taskId the failed task's id
     * @param secrets the secrets the re-run's actions may read
     * @return the task's id
     */
    String retry(String taskId, Secrets secrets);

    /**
     * {@return the events after {@code afterEventId} (exclusive; 0 for all)} On a running task with nothing newer
     * the server holds the call up to 30 s and then returns an empty list. The completion event is always
     * included once it exists, whatever {@code afterEventId} is.
     *
     * @param taskId the task's id
     * @param afterEventId the id of the last event already seen, or 0
     */
    List<TaskEvent> events(String taskId, long afterEventId);

    /**
     * Follows a task's log live from its first event: server-sent events, reconnecting after a dropped
     * connection and resuming after the last event received (no event lost or repeated), or long polling when
     * the server has no event stream. The stream ends after the completion event. Close it when done.
     *
     * @param taskId the task's id
     * @return the open stream of events
     */
    TaskEventStream follow(String taskId);

    /**
     * Follows a task's log from the event after {@code afterEventId}; see {@link #follow(String)}.
     *
     * @param taskId the task's id
     * @param afterEventId the id of the last event already seen, or 0 for all
     * @return the open stream of events
     */
    TaskEventStream follow(String taskId, long afterEventId);

    /**
     * Waits until the task completes and returns it with its whole log.
     *
     * @param taskId the task's id
     * @param timeout the longest wait
     * @return the completed task, its final status and every log event
     * @throws TaskTimeoutException when it has not completed within {@code timeout}; the task is left running
     */
    TaskResult awaitCompletion(String taskId, Duration timeout);
  }

  /** Reads template forms, dry-runs templates and queries template helpers. */
  interface Templates {

    /**
     * {@return the form of a template (path order on the wire is namespace/kind/name)}
     *
     * @param templateRef the Template entity's ref
     */
    TemplateParameterSchema parameterSchema(EntityRef templateRef);

    /**
     * {@return the form of a template given as a ref string (kind defaults to template, namespace to default)}
     *
     * @param templateRef a ref such as {@code my-template} or {@code template:default/my-template}
     */
    TemplateParameterSchema parameterSchema(String templateRef);

    /**
     * Runs a template without side effects and returns its log, output and produced files.
     *
     * @param request the template, its files and the parameter values
     * @return the log, output and files the run produced
     */
    DryRunResult dryRun(DryRunRequest request);

    /**
     * {@return the filters and globals usable in template expressions}
     *
     * @throws dev.backstage4j.core.UnsupportedEndpointException on servers older than the endpoint
     */
    TemplatingExtensions templatingExtensions();

    /**
     * Asks an autocomplete provider (e.g. {@code github}) for suggestions for a resource (e.g. {@code repositories}).
     * {@code token} is the user's token for the provider; it is never logged.
     *
     * @param provider the provider id, e.g. {@code github}
     * @param resource what to suggest, e.g. {@code repositories}
     * @param token the user's token for the provider
     * @param context what the provider needs to narrow the answer, e.g. an owner; may be empty
     * @return the suggestions, in the provider's order
     * @throws dev.backstage4j.core.UnsupportedEndpointException when the server has no autocomplete endpoint
     */
    List<AutocompleteResult> autocomplete(String provider, String resource, String token, Map<String, ?> context);
  }

  /** Lists the actions installed on the scaffolder. */
  interface Actions {

    /** {@return every installed action, sorted by id} */
    List<Action> list();
  }

  /** Builds a {@link ScaffolderClient}; besides every client builder's settings it has {@link #maxReconnects}. */
  final class Builder extends ClientBuilder<Builder> {
    private int maxReconnects = 5;

    private Builder() {}

    /**
     * Sets how many times in a row following a task may fail to reconnect before the failure is reported
     * (default 5). A stream that reopens resets the count.
     *
     * @param maxReconnects failed reconnects in a row before giving up, at least 0
     * @return this builder, for chaining
     */
    public Builder maxReconnects(int maxReconnects) {
      if (maxReconnects < 0) {
        throw new IllegalArgumentException("maxReconnects must not be negative, was " + maxReconnects);
      }
      this.maxReconnects = maxReconnects;
      return this;
    }

    /**
     * Builds the client; fails fast naming a missing or bad setting.
     *
     * @return the client; its threads are daemons, close it to release connections early
     */
    public ScaffolderClient build() {
      return DefaultScaffolderClient.create(clientConfig(), maxReconnects, Values.INSTANCE);
    }
  }
}
