package dev.backstage4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstage4j.adoption.Checks;
import dev.backstage4j.adoption.EvaluationContext;
import dev.backstage4j.adoption.Level;
import dev.backstage4j.adoption.Nudge;
import dev.backstage4j.adoption.NudgeSender;
import dev.backstage4j.adoption.Nudges;
import dev.backstage4j.adoption.Scorecard;
import dev.backstage4j.adoption.ScorecardResult;
import dev.backstage4j.adoption.Track;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.plugin.PluginIdentity;
import dev.backstage4j.plugin.PluginResponse;
import dev.backstage4j.plugin.PluginRouter;
import dev.backstage4j.plugin.PluginServer;
import dev.backstage4j.plugin.TokenVerifier;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Adoption nudges reach people through the target's notifications backend: after a run in which an entity owned
 * by {@code group:default/engineering} loses a level, alice (a member) has exactly one notification with the
 * nudge's title and link, read back with her own user token; a second run (nothing changed) sends nothing, and
 * resending the same nudge updates her notification instead of adding one. A Java plugin sends them with its own
 * plugin token ({@code PluginIdentity.credentialsFor("notifications")}).
 */
abstract class NotificationsContract {
    private static final Scorecard CARD = Scorecard.builder("Nudge contract")
            .addCheck(Checks.byId("has-owner")).addCheck(Checks.byId("has-description"))
            .addTrack(Track.of("Basics", Level.of("Bronze", "has-owner"), Level.of("Silver", "has-description")))
            .build();

    private static final String PLUGIN_ID = "javatest";

    private ContractTarget target;

    @BeforeEach
    void target(ContractTarget target) {
        this.target = target;
    }

    @Test
    void levelDrop_reachesTheOwningGroupsMembersOnce() throws Exception {
        String name = "nudge-probe-" + UUID.randomUUID().toString().substring(0, 8);
        ScorecardResult before = run(component(name, true), "2026-11-17T02:00:00Z");
        ScorecardResult after = run(component(name, false), "2026-11-24T02:00:00Z");
        ScorecardResult again = run(component(name, false), "2026-12-01T02:00:00Z");
        List<Nudge> nudges = Nudges.between(before, after, List.of());
        assertEquals(1, nudges.size(), nudges.toString());
        assertEquals("group:default/engineering", nudges.get(0).recipient());

        ClientConfig config = ClientConfig.builder().baseUrl(target.baseUrl()).token(target.token()).build();
        try (NudgeSender sender = NudgeSender.builder(config).build()) {
            assertEquals(1, sender.send(nudges).sent());
            assertEquals(0, sender.send(Nudges.between(after, again, List.of())).sent(), "nothing changed");
            assertEquals(1, sender.send(nudges).sent(), "a resend of the same nudge");
        }

        List<JsonNode> mine = alicesNotificationsAbout(name);
        assertEquals(1, mine.size(), "exactly one notification for alice: " + mine);
        JsonNode payload = mine.get(0).get("payload");
        assertEquals(name + " dropped from Silver to Bronze in Basics", payload.get("title").asText());
        assertEquals("/catalog/default/component/" + name, payload.get("link").asText());
        assertEquals("high", payload.get("severity").asText());
        assertEquals(Nudges.LEVEL_TOPIC, payload.get("topic").asText());
        assertEquals("user:default/alice", mine.get(0).get("user").asText());
    }

    @Test
    void aJavaPlugin_sendsNudgesWithItsOwnPluginToken() throws Exception {
        String name = "nudge-plugin-" + UUID.randomUUID().toString().substring(0, 8);
        List<Nudge> nudges = Nudges.between(run(component(name, true), "2026-11-17T02:00:00Z"),
                run(component(name, false), "2026-11-24T02:00:00Z"), List.of());
        PluginIdentity identity = PluginIdentity.generate(PLUGIN_ID);
        ClientConfig backstage = ClientConfig.builder().baseUrl(target.baseUrl()).build();
        PluginRouter router = PluginRouter.builder(identity, TokenVerifier.builder()
                .pluginTokens(PLUGIN_ID, backstage).build())
                .get("/health", r -> PluginResponse.json(200, Map.of("status", "ok"))).build();
        // The target verifies the plugin token against the JWKS the router serves where discovery routes javatest.
        try (PluginServer server = PluginServer.start(router,
                new InetSocketAddress("127.0.0.1", target.javaPluginPort()), "/api/" + PLUGIN_ID, 4);
                NudgeSender sender = NudgeSender.builder(backstage.toBuilder()
                        .credentials(identity.credentialsFor("notifications")).build()).build()) {
            assertEquals(1, sender.send(nudges).sent());
        }
        List<JsonNode> mine = alicesNotificationsAbout(name);
        assertEquals(1, mine.size(), mine.toString());
        assertEquals("plugin:" + PLUGIN_ID, mine.get(0).get("origin").asText());
    }

    private static Entity component(String name, boolean described) {
        Entity.Builder b = Entity.builder().apiVersion("backstage.io/v1alpha1").kind("Component").name(name)
                .spec("type", "service").spec("lifecycle", "experimental").spec("owner", "group:engineering");
        if (described) {
            b.description("Probe for the notifications contract");
        }
        return b.build();
    }

    private static ScorecardResult run(Entity entity, String at) {
        return CARD.runner().context(EvaluationContext.gather(List.of(entity)))
                .clock(Clock.fixed(Instant.parse(at), ZoneOffset.UTC)).run(List.of(entity));
    }

    /** Alice's notifications (read with her token) whose link points at the probe entity. */
    private List<JsonNode> alicesNotificationsAbout(String name) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(target.baseUrl() + "/api/notifications/notifications?limit=100"))
                .header("Authorization", "Bearer " + target.userToken()).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode list = new ObjectMapper().readTree(r.body()).get("notifications");
        assertTrue(list != null && list.isArray(), r.body());
        List<JsonNode> out = new ArrayList<>();
        list.forEach(n -> {
            if (n.get("payload").path("link").asText().endsWith("/" + name)) {
                out.add(n);
            }
        });
        return out;
    }
}
