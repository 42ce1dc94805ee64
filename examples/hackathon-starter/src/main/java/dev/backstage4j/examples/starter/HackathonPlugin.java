package dev.backstage4j.examples.starter;

import dev.backstage4j.adoption.CheckInfo;
import dev.backstage4j.adoption.EntityResult;
import dev.backstage4j.adoption.EvaluationContext;
import dev.backstage4j.adoption.Scorecard;
import dev.backstage4j.adoption.ScorecardResult;
import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.EntityQuery;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.plugin.HttpError;
import dev.backstage4j.plugin.PluginIdentity;
import dev.backstage4j.plugin.PluginResponse;
import dev.backstage4j.plugin.PluginRouter;
import dev.backstage4j.plugin.PluginServer;
import dev.backstage4j.plugin.TokenVerifier;
import dev.backstage4j.plugin.actions.Action;
import dev.backstage4j.plugin.actions.ActionAttributes;
import dev.backstage4j.plugin.actions.ActionsRegistry;
import dev.backstage4j.testkit.FakeBackstage;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The hackathon starter as a Backstage backend plugin (id {@code hackathon} by default). Its action
 * {@code hackathon:scorecard-level} is a template step and an MCP tool: the level of a catalog entity in the
 * standard scorecard ({@link Scorecard#standard()}), its points and the failing checks with their fixes, read from
 * the live catalog on behalf of whoever runs the template or asks the assistant. {@code GET /services?owner=…} is
 * the team view as JSON ({@link TeamServices}), read as the caller too. Calls Backstage with its own plugin tokens:
 * no static token.
 *
 * <p>Run: {@code java -jar examples/hackathon-starter/target/hackathon-starter.jar}. Settings: {@code PORT}
 * (default 8080), {@code PLUGIN_ID} (default {@code hackathon}), {@code BACKSTAGE_URL} (without it the plugin runs
 * against an embedded fake Backstage seeded with the sample organisation, which routes the plugin as an operator
 * would). The operator's {@code app-config.yaml}:
 * <pre>
 * discovery:
 *   endpoints:
 *     - target: http://hackathon-host:8080/api/{{pluginId}}
 *       plugins: [hackathon]
 * backend:
 *   actions:
 *     pluginSources: [catalog, scaffolder, hackathon]
 * </pre>
 */
public final class HackathonPlugin {
  /** The plugin id unless {@code PLUGIN_ID} says otherwise. */
  public static final String DEFAULT_ID = "hackathon";

  /** The action's input; its JSON schema is generated from this record. */
  public record LevelInput(String entityRef) {}

  private HackathonPlugin() {}

  /**
   * Builds the plugin's routes and actions.
   *
   * @param identity the plugin's identity (its id and keys)
   * @param backstage where Backstage is
   * @return the router to serve under {@code /api/{pluginId}}
   */
  public static PluginRouter router(PluginIdentity identity, ClientConfig backstage) {
    TokenVerifier callers = TokenVerifier.builder().pluginTokens(identity.pluginId(), backstage)
        .userTokens(backstage).build();
    CatalogClient catalog = CatalogClient.builder()
        .config(backstage.toBuilder().credentials(identity.credentialsFor("catalog")).build()).build();
    Action scorecardLevel = Action.builder("scorecard-level")
        .title("Scorecard level")
        .description("The level of a catalog entity in the standard scorecard (Bronze, Silver, Gold), its points "
            + "and the failing checks with how to fix them")
        .attributes(ActionAttributes.READ_ONLY)
        .input(LevelInput.class)
        .outputSchema("""
            {"type":"object","properties":{
              "entityRef":{"type":"string"},"level":{"type":"string"},
              "points":{"type":"integer"},"maxPoints":{"type":"integer"},
              "failing":{"type":"array","items":{"type":"object","properties":{
                "id":{"type":"string"},"title":{"type":"string"},"howToFix":{"type":"string"}}}}},
             "required":["entityRef","level","points","maxPoints","failing"]}""")
        .handler(call -> scorecardLevel(catalog.withCredentials(call.credentialsOnBehalfOf("catalog")),
            call.input(LevelInput.class).entityRef()))
        .build();
    return ActionsRegistry.of(scorecardLevel).mount(PluginRouter.builder(identity, callers)
        .get("/services", r -> PluginResponse.json(200, new TeamServices(
            catalog.withCredentials(r.credentialsOnBehalfOf("catalog"))).services(r.query("owner")))))
        .build();
  }

  /** The level, points and failing checks of one entity, read through {@code catalog}. */
  static Map<String, Object> scorecardLevel(CatalogClient catalog, String entityRef) {
    EntityRef ref;
    try {
      ref = EntityRef.parse(entityRef, "component", "default");
    } catch (IllegalArgumentException e) {
      throw new HttpError("InputError", "entityRef: " + e.getMessage());
    }
    List<Entity> all;
    // The whole catalog, because checks such as owner-resolves look at other entities.
    try (Stream<Entity> s = catalog.entities().streamAll(EntityQuery.all())) {
      all = s.collect(Collectors.toList());
    }
    Entity entity = all.stream().filter(e -> e.ref().equals(ref)).findFirst()
        .orElseThrow(() -> new HttpError("NotFoundError", "No entity " + ref + " in the catalog"));
    Scorecard scorecard = Scorecard.standard();
    ScorecardResult result = scorecard.evaluate(List.of(entity), EvaluationContext.gather(all));
    EntityResult r = result.entity(ref.toString()).orElseThrow();
    List<Map<String, Object>> failing = new ArrayList<>();
    for (String id : r.failedCheckIds()) {
      CheckInfo check = result.check(id);
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("id", id);
      f.put("title", check.title());
      f.put("howToFix", check.howToFix());
      failing.add(f);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("entityRef", ref.toString());
    out.put("level", r.level(scorecard.tracks().get(0).name()).orElse("none"));
    out.put("points", r.points());
    out.put("maxPoints", r.maxPoints());
    out.put("failing", failing);
    return out;
  }

  /** Starts the plugin; see the class documentation for the settings. */
  public static void main(String[] args) throws IOException {
    String pluginId = System.getenv().getOrDefault("PLUGIN_ID", DEFAULT_ID);
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    String url = System.getenv("BACKSTAGE_URL");
    FakeBackstage fake = null;
    if (url == null || url.isBlank()) {
      fake = FakeBackstage.builder().sampleCatalog().build().start();
      url = fake.baseUrl().toString();
    }
    PluginIdentity identity = PluginIdentity.generate(pluginId);
    PluginServer server = PluginServer.start(router(identity, ClientConfig.builder().baseUrl(url).build()), port);
    URI base = URI.create("http://127.0.0.1:" + server.port() + server.basePath());
    if (fake != null) {
      fake.plugin(pluginId, base);  // what discovery.endpoints does on a real Backstage
      System.out.println("No BACKSTAGE_URL: embedded Backstage with the sample organisation at " + url
          + ", routing " + pluginId + " here; its scaffolder runs " + pluginId + ":scorecard-level as a step");
    }
    System.out.println("Plugin " + pluginId + " serving " + base + " (action " + pluginId + ":scorecard-level)");
  }
}
