package ${package};

import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.plugin.HttpError;
import dev.backstage4j.plugin.PluginIdentity;
import dev.backstage4j.plugin.PluginResponse;
import dev.backstage4j.plugin.PluginRouter;
import dev.backstage4j.plugin.PluginServer;
import dev.backstage4j.plugin.TokenVerifier;
import dev.backstage4j.plugin.actions.Action;
import dev.backstage4j.plugin.actions.ActionAttributes;
import dev.backstage4j.plugin.actions.ActionsRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@value #PLUGIN_ID} Backstage backend plugin. Backstage reaches it at {@code /api/${pluginId}} through
 * {@code discovery.endpoints} (see README.md); every call carries a Backstage token, which the router verifies, and
 * the plugin calls the catalog with plugin tokens of its own key (no static token to configure). It offers one
 * route and one action (a template step {@code action: ${pluginId}:entity-owner}), both reading the catalog.
 */
public final class ExamplePlugin implements AutoCloseable {
  /** The id Backstage knows this plugin by. */
  public static final String PLUGIN_ID = "${pluginId}";

  private final CatalogClient catalog;
  private final PluginServer server;

  private ExamplePlugin(CatalogClient catalog, PluginServer server) {
    this.catalog = catalog;
    this.server = server;
  }

  /**
   * Starts the plugin on {@code address} (port 0 picks a free one), calling the Backstage at {@code backstageUrl}.
   */
  public static ExamplePlugin start(String backstageUrl, InetSocketAddress address) throws IOException {
    ClientConfig backstage = ClientConfig.builder().baseUrl(backstageUrl).build();
    PluginIdentity identity = PluginIdentity.generate(PLUGIN_ID); // a fresh key; Backstage fetches it from us
    TokenVerifier callers = TokenVerifier.builder()
        .pluginTokens(PLUGIN_ID, backstage) // the scaffolder and other plugins
        .userTokens(backstage)              // signed-in users calling directly
        .build();
    CatalogClient catalog = CatalogClient.builder()
        .config(backstage.toBuilder().credentials(identity.credentialsFor("catalog")).build()).build();
    PluginServer server = PluginServer.start(router(identity, callers, catalog), address, "/api/" + PLUGIN_ID, 8);
    return new ExamplePlugin(catalog, server);
  }

  /** The input of the {@code entity-owner} action (its JSON schema is generated from this record). */
  public record EntityOwnerInput(String entityRef) {
  }

  /** The routes and actions, below {@code /api/${pluginId}}. Add yours here. */
  static PluginRouter router(PluginIdentity identity, TokenVerifier callers, CatalogClient catalog) {
    Action entityOwner = Action.builder("entity-owner")
        .title("Owner of an entity")
        .description("Looks up the owner of a catalog entity, as the user running the template")
        .attributes(ActionAttributes.READ_ONLY)
        .input(EntityOwnerInput.class)
        .handler(call -> Map.of("owner", ownerOf(catalog, call.credentialsOnBehalfOf("catalog"),
            call.input(EntityOwnerInput.class).entityRef())))
        .build();
    return ActionsRegistry.of(entityOwner).mount(PluginRouter.builder(identity, callers))
        // GET /entities/component:default%2Fpayments/owner -> {"owner": ..., "caller": ...}
        .get("/entities/{ref}/owner", request -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("owner", ownerOf(catalog, request.credentialsOnBehalfOf("catalog"), request.pathParam("ref")));
          body.put("caller", request.principal().subject());
          return PluginResponse.json(200, body);
        })
        .build();
  }

  /**
   * Reads an entity's owner as whoever is behind the request ({@code caller}), so Backstage's permissions apply to
   * them; an unknown entity is Backstage's NotFoundError (404).
   */
  static String ownerOf(CatalogClient catalog, CredentialsProvider caller, String entityRef) {
    EntityRef ref = EntityRef.parse(entityRef);
    Entity entity = catalog.withCredentials(caller).entities().find(ref)
        .orElseThrow(() -> new HttpError("NotFoundError", "no entity " + ref));
    return String.valueOf(entity.spec().get("owner"));
  }

  /** {@return the port the plugin listens on} */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
    catalog.close();
  }

  /** Runs the plugin: {@code -Dbackstage.url} (default http://localhost:7007), {@code -Dplugin.port} (7008). */
  public static void main(String[] args) throws IOException {
    String backstageUrl = System.getProperty("backstage.url", "http://localhost:7007");
    int port = Integer.parseInt(System.getProperty("plugin.port", "7008"));
    ExamplePlugin plugin = start(backstageUrl, new InetSocketAddress(port));
    Runtime.getRuntime().addShutdownHook(new Thread(plugin::close));
    System.out.println(PLUGIN_ID + " listens on http://localhost:" + plugin.port() + "/api/" + PLUGIN_ID
        + " and calls Backstage at " + backstageUrl);
  }
}
