package dev.backstage4j.testkit;

import dev.backstage4j.catalog.model.CatalogDocument;
import dev.backstage4j.catalog.model.CatalogYaml;
import dev.backstage4j.core.Discovery;
import dev.backstage4j.testkit.internal.CatalogStore;
import dev.backstage4j.testkit.internal.FakeIdentity;
import dev.backstage4j.testkit.internal.FakeServer;
import dev.backstage4j.testkit.internal.FaultState;
import dev.backstage4j.testkit.internal.Json;
import dev.backstage4j.testkit.internal.Scaffolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs an in-memory Backstage backend (catalog and scaffolder REST APIs) on a loopback port, for tests and as the
 * SDK's embedded default. It answers like a real backend: same paths, status codes, error bodies, paging cursors,
 * relations and task events (see the module README for what is not emulated).
 *
 * <pre>{@code
 * try (FakeBackstage fake = FakeBackstage.builder().sampleCatalog().build().start()) {
 *   CatalogClient catalog = CatalogClient.create(fake.baseUrl(), CredentialsProvider.staticToken(fake.token()));
 *   ...
 * }
 * }</pre>
 *
 * <p>Thread-safe. Entities are seeded when {@link #start()} runs; invalid seed entities fail the start with a
 * message naming the file and the field.
 */
public final class FakeBackstage implements AutoCloseable {
  /** The token a fake accepts unless the builder sets another. */
  public static final String DEFAULT_TOKEN = "backstage4j-testkit-token";
  private static final String SAMPLE = "dev/backstage4j/testkit/sample/catalog-info.yaml";

  private final String token;
  private final List<Consumer<CatalogStore>> seeds;
  private final Map<String, ScaffolderAction> actions;
  private final FakeIdentity identity;
  private final FaultState faultState = new FaultState();
  private final Faults faults = new Faults(faultState);
  private CatalogStore store;
  private Scaffolder scaffolder;
  private FakeServer server;

  private FakeBackstage(Builder b) {
    this.token = b.token;
    this.seeds = List.copyOf(b.seeds);
    this.actions = Map.copyOf(b.actions);
    this.identity = new FakeIdentity(b.token, b.externalPlugins);
  }

  /** {@return a builder for a fake with an empty catalog and the default token} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Seeds the catalog and starts serving on 127.0.0.1 at a free port; returns this fake.
   *
   * @return this fake, now serving
   * @throws IllegalStateException if already started
   * @throws IllegalArgumentException if a seed file is unreadable or holds an invalid entity
   * @throws UncheckedIOException if the server cannot bind
   */
  public synchronized FakeBackstage start() {
    if (server != null) {
      throw new IllegalStateException("FakeBackstage is already started at " + baseUrl());
    }
    CatalogStore s = new CatalogStore();
    try {
      for (Consumer<CatalogStore> seed : seeds) {
        seed.accept(s);
      }
    } catch (CatalogStore.SeedException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    store = s;
    scaffolder = new Scaffolder(s, actions, identity);
    FakeServer srv = new FakeServer(identity, faultState, s, scaffolder);
    try {
      srv.start();
    } catch (IOException e) {
      scaffolder.shutdown();
      throw new UncheckedIOException("FakeBackstage could not bind a loopback port", e);
    }
    server = srv;
    return this;
  }

  /** Stops serving, cancels running tasks and frees the port; a stopped fake can be started again (empty state). */
  public synchronized void stop() {
    if (server != null) {
      server.stop();
      scaffolder.shutdown();
      server = null;
    }
  }

  /** Stops the fake; same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /**
   * {@return the backend root URL, e.g. {@code http://127.0.0.1:54321}; the catalog is at {@code /api/catalog}}
   *
   * @throws IllegalStateException if not started
   */
  public synchronized URI baseUrl() {
    return running().baseUrl();
  }

  /** {@return the static bearer token the fake accepts} Keep it out of logs like a real token. */
  public String token() {
    return token;
  }

  /**
   * Issues a user token as Backstage's auth backend does after a sign-in (header {@code typ vnd.backstage.user},
   * ES256, valid one hour, no {@code ent} claim as in Backstage's default), signed with the fake's auth key whose
   * public half it serves at {@code /api/auth/.well-known/jwks.json}. The fake accepts it, records the user as a
   * task's {@code createdBy}, and derives the limited-user token a plugin token carries on the user's behalf.
   *
   * @param userEntityRef the signed-in user, e.g. {@code user:default/alice}
   * @return the token
   * @throws IllegalStateException if not started
   */
  public String userToken(String userEntityRef) {
    running();
    return identity.userToken(userEntityRef, List.of(userEntityRef));
  }

  /**
   * Mints a plugin token as one of the fake's plugins would send it ({@code typ vnd.backstage.plugin}, ES256,
   * {@code sub} = {@code fromPluginId}, {@code aud} = {@code toPluginId}), e.g. to call a Java plugin under test
   * the way the scaffolder does. The fake serves the signing key at
   * {@code /api/{fromPluginId}/.backstage/auth/v1/jwks.json}.
   *
   * @param fromPluginId the calling plugin, e.g. {@code scaffolder}
   * @param toPluginId the receiving plugin
   * @return the token
   * @throws IllegalStateException if not started
   */
  public String pluginToken(String fromPluginId, String toPluginId) {
    running();
    return identity.pluginToken(fromPluginId, toPluginId, null);
  }

  /**
   * Mints a plugin token that carries a user ({@code obo}: the limited-user form of {@code userToken}, byte for
   * byte as Backstage derives it), as the scaffolder sends when it runs a user's task.
   *
   * @param fromPluginId the calling plugin
   * @param toPluginId the receiving plugin
   * @param userToken a token from {@link #userToken}
   * @return the token, expiring no later than the user's
   * @throws IllegalStateException if not started
   */
  public String pluginToken(String fromPluginId, String toPluginId, String userToken) {
    running();
    return identity.pluginToken(fromPluginId, toPluginId, Objects.requireNonNull(userToken, "userToken"));
  }

  /**
   * Routes plugin {@code pluginId} to a service outside the fake from now on, like {@link Builder#plugin} (for a
   * plugin whose port is known only once it runs).
   *
   * @param pluginId the plugin id
   * @param baseUrl its full base URL, e.g. {@code http://127.0.0.1:8080/api/javatools}
   */
  public void plugin(String pluginId, URI baseUrl) {
    identity.route(Objects.requireNonNull(pluginId, "pluginId"), Objects.requireNonNull(baseUrl, "baseUrl"));
  }

  /**
   * Returns the fake's discovery: every plugin on the fake, except those {@link Builder#plugin} routes elsewhere.
   * Give it to a Java plugin's {@code ClientConfig} so both sides resolve plugin ids alike.
   *
   * @return the discovery
   * @throws IllegalStateException if not started
   */
  public synchronized Discovery discovery() {
    running();
    return identity.discovery();
  }

  /** {@return the fault-injection controls} */
  public Faults faults() {
    return faults;
  }

  /** {@return how many HTTP requests the fake has received since it started} */
  public synchronized int requestCount() {
    return running().requestCount();
  }

  /** {@return the number of entities in the catalog, including generated Location entities} */
  public synchronized int entityCount() {
    running();
    return store.size();
  }

  /**
   * {@return the files a scaffolder task wrote into its in-memory workspace (path to UTF-8 text), sorted by path}
   *
   * @param taskId the task's id, as the scaffolder client's {@code create} returned it
   * @throws IllegalArgumentException if no task has that id
   */
  public synchronized Map<String, String> taskWorkspace(String taskId) {
    running();
    Map<String, byte[]> files = scaffolder.workspace(Objects.requireNonNull(taskId, "taskId"));
    if (files == null) {
      throw new IllegalArgumentException("No task with id '" + taskId + "'");
    }
    Map<String, String> out = new LinkedHashMap<>();
    files.forEach((p, b) -> out.put(p, new String(b, java.nio.charset.StandardCharsets.UTF_8)));
    return out;
  }

  private FakeServer running() {
    if (server == null) {
      throw new IllegalStateException("FakeBackstage is not started; call start()");
    }
    return server;
  }

  /** {@return the token only as a placeholder, never its value} */
  @Override
  public synchronized String toString() {
    return "FakeBackstage{" + (server == null ? "stopped" : server.baseUrl()) + ", token=***}";
  }

  /** Configures a {@link FakeBackstage}: token, catalog seeds and extra scaffolder actions. Not thread-safe. */
  public static final class Builder {
    private String token = DEFAULT_TOKEN;
    private final Map<String, URI> externalPlugins = new LinkedHashMap<>();
    private final List<Consumer<CatalogStore>> seeds = new ArrayList<>();
    private final Map<String, ScaffolderAction> actions = new LinkedHashMap<>();

    private Builder() {
    }

    /**
     * Sets the static bearer token the fake accepts (default {@value FakeBackstage#DEFAULT_TOKEN}).
     *
     * @param token the token clients must send as {@code Authorization: Bearer}
     * @return this builder, for chaining
     * @throws IllegalArgumentException if shorter than 8 characters or containing whitespace, as Backstage's
     *     static tokens must not
     */
    public Builder token(String token) {
      Objects.requireNonNull(token, "token");
      if (token.length() < 8 || token.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("token must be at least 8 characters without whitespace");
      }
      this.token = token;
      return this;
    }

    /**
     * Seeds the shipped sample organisation "Tinyshop" (groups, users, systems, components, APIs, resources and
     * two templates): 27 entities, like a real backend with the same file registered.
     *
     * @return this builder, for chaining
     */
    public Builder sampleCatalog() {
      return catalogResource(SAMPLE);
    }

    /**
     * Seeds a YAML file as a config location: a generated Location entity plus every entity in the file;
     * {@code Location} entities in it are followed to their targets (relative to the file).
     *
     * @param file the YAML file
     * @return this builder, for chaining
     */
    public Builder catalogFile(Path file) {
      Objects.requireNonNull(file, "file");
      seeds.add(s -> {
        if (!Files.isRegularFile(file)) {
          throw new IllegalArgumentException("Catalog file not found: " + file);
        }
        s.seedFile(file);
      });
      return this;
    }

    /**
     * Seeds every {@code *.yaml} and {@code *.yml} file directly inside a folder, each as by {@link #catalogFile}.
     *
     * @param folder the folder; subfolders are not searched
     * @return this builder, for chaining
     */
    public Builder catalogFolder(Path folder) {
      Objects.requireNonNull(folder, "folder");
      seeds.add(s -> {
        if (!Files.isDirectory(folder)) {
          throw new IllegalArgumentException("Catalog folder not found: " + folder);
        }
        try (Stream<Path> files = Files.list(folder)) {
          files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted()
              .forEach(s::seedFile);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      return this;
    }

    /**
     * Seeds a YAML classpath resource (folder or jar) as by {@link #catalogFile}; templates keep their folder.
     *
     * @param resource the resource path, e.g. {@code catalog/}
     * @return this builder, for chaining
     */
    public Builder catalogResource(String resource) {
      Objects.requireNonNull(resource, "resource");
      seeds.add(s -> s.seedFile(resourcePath(resource)));
      return this;
    }

    /**
     * Seeds entities from YAML text (one or more documents), without a location.
     *
     * @param yaml one or more YAML documents
     * @return this builder, for chaining
     */
    public Builder entitiesYaml(String yaml) {
      Objects.requireNonNull(yaml, "yaml");
      seeds.add(s -> {
        List<Map<String, Object>> trees = new ArrayList<>();
        for (CatalogDocument doc : CatalogYaml.create().read(yaml, "entitiesYaml")) {
          if (!doc.validation().violations().isEmpty() && doc.tree().isEmpty()) {
            throw new IllegalArgumentException(doc.validation().violations().get(0).toString());
          }
          trees.add(doc.tree());
        }
        s.seedEntities(trees, "entitiesYaml");
      });
      return this;
    }

    /**
     * Seeds one entity given as a tree of Maps/Lists/Strings/Numbers/Booleans, without a location.
     *
     * @param entity the entity as a JSON-like tree
     * @return this builder, for chaining
     */
    public Builder entity(Map<String, ?> entity) {
      Objects.requireNonNull(entity, "entity");
      @SuppressWarnings("unchecked")
      Map<String, Object> copy = Json.deepCopy((Map<String, Object>) entity);
      seeds.add(s -> s.seedEntities(List.of(copy), "entity(...)"));
      return this;
    }

    /**
     * Registers a scaffolder action implemented in Java; it replaces a built-in action with the same id.
     *
     * @param id the action id templates use, e.g. {@code acme:deploy}
     * @param action the code run for each step using it
     * @return this builder, for chaining
     * @throws IllegalArgumentException if the id is blank
     */
    public Builder action(String id, ScaffolderAction action) {
      Objects.requireNonNull(action, "action");
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("action id must not be blank");
      }
      actions.put(id, action);
      return this;
    }

    /**
     * Routes plugin {@code pluginId} to a service outside the fake, as an operator's {@code discovery.endpoints}
     * entry does: the fake then accepts that plugin's tokens, verified with the keys it serves at
     * {@code {baseUrl}/.backstage/auth/v1/jwks.json}, e.g. a Java plugin under test calling the catalog as itself.
     *
     * @return this builder
     * @param pluginId the plugin id
     * @param baseUrl its full base URL, e.g. {@code http://127.0.0.1:8080/api/javatools}
     */
    public Builder plugin(String pluginId, URI baseUrl) {
      externalPlugins.put(Objects.requireNonNull(pluginId, "pluginId"), Objects.requireNonNull(baseUrl, "baseUrl"));
      return this;
    }

    /**
     * Builds the fake (not started).
     *
     * @return the fake; call {@link FakeBackstage#start()} to serve
     */
    public FakeBackstage build() {
      return new FakeBackstage(this);
    }
  }

  static Path resourcePath(String resource) {
    URL url = FakeBackstage.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalArgumentException("Classpath resource not found: " + resource);
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try {
          FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          try {
            FileSystems.newFileSystem(uri, Map.of());
          } catch (java.nio.file.FileSystemAlreadyExistsException raced) {
            // another fake opened it first
          }
        }
      }
      return Path.of(uri);
    } catch (URISyntaxException | IOException e) {
      throw new IllegalArgumentException("Cannot read classpath resource " + resource + ": " + e.getMessage(), e);
    }
  }
}
