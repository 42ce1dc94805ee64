package dev.backstage4j.scaffolder;

import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.core.ResponseCompression;
import dev.backstage4j.core.RetryOptions;
import dev.backstage4j.scaffolder.internal.DefaultScaffolderClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

  /** Returns a client for the backend at {@code baseUrl} (e.g. {@code http://backstage:7007}) with default settings. */
  static ScaffolderClient create(URI baseUrl, CredentialsProvider credentials) {
    return builder().baseUrl(baseUrl).credentials(credentials).build();
  }

  /** Returns a client that sends other credentials (e.g. a user's token) and shares this client's connections. */
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
     * @throws dev.backstage4j.core.InputException when the values fail the template's schema (details name the
     *     fields)
     * @throws dev.backstage4j.core.NotFoundException when the template does not exist
     * @throws dev.backstage4j.core.OutcomeUnknownException when the connection broke after the request may have
     *     reached the server; list your tasks (createdBy, newest first) to see whether it was created
     */
    String create(TaskRequest request);

    /** {@return a task; throws {@link dev.backstage4j.core.NotFoundException} for an unknown id} */
    Task get(String taskId);

    /** {@return one page of tasks matching the query} */
    TaskList list(TaskQuery query);

    /**
     * Asks the server to cancel a task. The server answers {@code cancelled} even for finished tasks; a running
     * task then emits a {@link TaskEventType#CANCELLED} event and ends with status {@link TaskStatus#FAILED}.
     */
    void cancel(String taskId);

    /** Re-runs a failed task from the failed step with fresh secrets and returns its id (the same id). */
    String retry(String taskId, Secrets secrets);

    /**
     * Returns the events after {@code afterEventId} (exclusive; 0 for all). On a running task with nothing newer
     * the server holds the call up to 30 s and then returns an empty list. The completion event is always
     * included once it exists, whatever {@code afterEventId} is.
     */
    List<TaskEvent> events(String taskId, long afterEventId);

    /**
     * Follows a task's log live from its first event: server-sent events, reconnecting after a dropped
     * connection and resuming after the last event received (no event lost or repeated), or long polling when
     * the server has no event stream. The stream ends after the completion event. Close it when done.
     */
    TaskEventStream follow(String taskId);

    /** Follows a task's log from the event after {@code afterEventId}; see {@link #follow(String)}. */
    TaskEventStream follow(String taskId, long afterEventId);

    /**
     * Waits until the task completes and returns it with its whole log.
     *
     * @throws TaskTimeoutException when it has not completed within {@code timeout}; the task is left running
     */
    TaskResult awaitCompletion(String taskId, Duration timeout);
  }

  /** Reads template forms, dry-runs templates and queries template helpers. */
  interface Templates {

    /** {@return the form of a template (path order on the wire is namespace/kind/name)} */
    TemplateParameterSchema parameterSchema(EntityRef templateRef);

    /** {@return the form of a template given as a ref string (kind defaults to template, namespace to default)} */
    TemplateParameterSchema parameterSchema(String templateRef);

    /** Runs a template without side effects and returns its log, output and produced files. */
    DryRunResult dryRun(DryRunRequest request);

    /**
     * Returns the filters and globals usable in template expressions.
     *
     * @throws dev.backstage4j.core.UnsupportedEndpointException on servers older than the endpoint
     */
    TemplatingExtensions templatingExtensions();

    /**
     * Asks an autocomplete provider (e.g. {@code github}) for suggestions for a resource (e.g. {@code repositories}).
     * {@code token} is the user's token for the provider; it is never logged.
     *
     * @throws dev.backstage4j.core.UnsupportedEndpointException when the server has no autocomplete endpoint
     */
    List<AutocompleteResult> autocomplete(String provider, String resource, String token, Map<String, ?> context);
  }

  /** Lists the actions installed on the scaffolder. */
  interface Actions {

    /** {@return every installed action, sorted by id} */
    List<Action> list();
  }

  /** Builds a {@link ScaffolderClient}. */
  final class Builder {
    private ClientConfig.Builder config = ClientConfig.builder();
    private int maxReconnects = 5;

    private Builder() {}

    /** Starts from a complete transport configuration (base URL, credentials, timeouts, retries, ...). */
    public Builder config(ClientConfig config) {
      this.config = Objects.requireNonNull(config, "config").toBuilder();
      return this;
    }

    /** Sets the backend root, e.g. {@code http://backstage:7007}. */
    public Builder baseUrl(URI baseUrl) {
      config.baseUrl(baseUrl);
      return this;
    }

    /** Sets the backend root from a string. */
    public Builder baseUrl(String baseUrl) {
      config.baseUrl(baseUrl);
      return this;
    }

    /** Sets the credentials. */
    public Builder credentials(CredentialsProvider credentials) {
      config.credentials(credentials);
      return this;
    }

    /** Sets a fixed bearer token (a static external-access token, for example); never shown in toString(). */
    public Builder token(String token) {
      config.token(token);
      return this;
    }

    /**
     * Sets whether responses are requested gzip-compressed; the default, {@link ResponseCompression#AUTO}, asks
     * for gzip only from hosts that are not loopback or private (as for the catalog client).
     */
    public Builder compression(ResponseCompression compression) {
      config.compression(compression);
      return this;
    }

    /**
     * Sets the read timeout (longest silence while reading); following a task's events by long polling waits at
     * least 45 s, the time the server holds a poll open.
     */
    public Builder readTimeout(Duration timeout) {
      config.readTimeout(timeout);
      return this;
    }

    /** Sets the retry options; creating a task is never retried automatically. */
    public Builder retry(RetryOptions retry) {
      config.retry(retry);
      return this;
    }

    /** Sets the application name shown in the {@code User-Agent} header. */
    public Builder applicationName(String name) {
      config.applicationName(name);
      return this;
    }

    /**
     * Sets how many times in a row following a task may fail to reconnect before the failure is reported
     * (default 5). A stream that reopens resets the count.
     */
    public Builder maxReconnects(int maxReconnects) {
      if (maxReconnects < 0) {
        throw new IllegalArgumentException("maxReconnects must not be negative, was " + maxReconnects);
      }
      this.maxReconnects = maxReconnects;
      return this;
    }

    /** Builds the client; fails fast naming a missing or bad setting. */
    public ScaffolderClient build() {
      return DefaultScaffolderClient.create(config.build(), maxReconnects, Values.INSTANCE);
    }
  }
}
