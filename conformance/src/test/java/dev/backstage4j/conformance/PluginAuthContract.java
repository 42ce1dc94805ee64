package dev.backstage4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.AuthenticationException;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.plugin.BackstagePrincipal;
import dev.backstage4j.plugin.PluginIdentity;
import dev.backstage4j.plugin.PluginResponse;
import dev.backstage4j.plugin.PluginRouter;
import dev.backstage4j.plugin.PluginServer;
import dev.backstage4j.plugin.TokenVerifier;
import dev.backstage4j.scaffolder.ScaffolderClient;
import dev.backstage4j.scaffolder.TaskRequest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Java service is one of the target's plugins, both ways, configured with nothing but its plugin id, its keys
 * and the Backstage URL (the target routes {@code javatest} to {@link ContractTarget#javaPluginPort()}):
 * <ul>
 *   <li>outgoing: it reads the catalog and starts scaffolder tasks with its own plugin tokens, and on behalf of a
 *       user (the task's {@code createdBy} is that user); wrongly addressed, expired, {@code iat}-less and
 *       {@code typ: JWT} tokens of its key are refused with 401;</li>
 *   <li>incoming: plugin tokens the target's scaffolder mints to call it verify, as the scaffolder itself or
 *       carrying the user who asked.</li>
 * </ul>
 */
abstract class PluginAuthContract {
    private static final String ID = "javatest";
    private static final EntityRef GROUP = EntityRef.parse("group:default/web-team");

    private ContractTarget target;

    @BeforeEach
    void target(ContractTarget target) {
        this.target = target;
    }

    private ClientConfig backstage() {
        return ClientConfig.builder().baseUrl(target.baseUrl()).build();
    }

    /** Runs {@code body} while the Java plugin serves {@code router} where the target's discovery routes it. */
    private <T> T serving(PluginRouter router, Supplier<T> body) throws Exception {
        try (PluginServer server = PluginServer.start(router,
                new InetSocketAddress("127.0.0.1", target.javaPluginPort()), "/api/" + ID, 4)) {
            return body.get();
        }
    }

    private PluginRouter router(PluginIdentity identity, List<BackstagePrincipal> callers) {
        TokenVerifier verifier = TokenVerifier.builder().pluginTokens(ID, backstage()).userTokens(backstage())
                .build();
        return PluginRouter.builder(identity, verifier)
                .get("/.backstage/actions/v1/actions", r -> {
                    callers.add(r.principal());
                    return PluginResponse.json(200, Map.of("actions", List.of()));
                })
                .build();
    }

    @Test
    void javaPlugin_readsTheCatalog_withItsOwnPluginToken() throws Exception {
        PluginIdentity identity = PluginIdentity.generate(ID);
        String name = serving(router(identity, new CopyOnWriteArrayList<>()), () -> {
            try (CatalogClient catalog = CatalogClient.builder().config(backstage().toBuilder()
                    .credentials(identity.credentialsFor("catalog")).build()).build()) {
                return catalog.entities().find(GROUP).orElseThrow().metadata().name();
            }
        });
        assertEquals("web-team", name);
    }

    @Test
    void javaPlugin_startsATask_asItselfOrOnBehalfOfAUser() throws Exception {
        PluginIdentity identity = PluginIdentity.generate(ID);
        String alice = target.userToken();
        TokenVerifier users = TokenVerifier.builder().userTokens(backstage()).build();
        String[] ids = serving(router(identity, new CopyOnWriteArrayList<>()), () -> new String[] {
            startDocsSite(identity.credentialsFor("scaffolder")),
            // What PluginRequest.credentialsOnBehalfOf does for a user caller: obo = the user's limited token.
            startDocsSite(users.verify(alice).credentialsOnBehalfOf(identity, "scaffolder"))
        });
        try (ScaffolderClient scaffolder = ScaffolderClient.create(target.baseUrl(),
                CredentialsProvider.staticToken(target.token()))) {
            assertNull(scaffolder.tasks().get(ids[0]).createdBy(), "a plugin's own task has no createdBy");
            assertEquals("user:default/alice", scaffolder.tasks().get(ids[1]).createdBy());
        }
    }

    private String startDocsSite(CredentialsProvider credentials) {
        try (ScaffolderClient scaffolder = ScaffolderClient.create(target.baseUrl(), credentials)) {
            return scaffolder.tasks().create(TaskRequest.builder().templateRef("template:default/docs-site")
                    .value("name", "plugin-docs-" + UUID.randomUUID().toString().substring(0, 8))
                    .value("owner", "group:default/web-team").build());
        }
    }

    @Test
    void badlyMadeTokensOfTheJavaPluginsKey_areRefused() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("javatest-1").algorithm(JWSAlgorithm.ES256).generate();
        HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", target.javaPluginPort()), 0);
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/api/" + ID + "/.backstage/auth/v1/jwks.json", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        jwks.start();
        try {
            Instant now = Instant.now();
            JWTClaimsSet.Builder good = new JWTClaimsSet.Builder().subject(ID).audience("catalog")
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)));
            assertEquals("web-team", readGroup(sign(key, good.build(), "vnd.backstage.plugin")),
                    "the well-made token is accepted, so the refusals below are about what differs");
            assertRefused(sign(key, new JWTClaimsSet.Builder(good.build()).audience("scaffolder").build(),
                    "vnd.backstage.plugin"));
            assertRefused(sign(key, new JWTClaimsSet.Builder(good.build()).issueTime(Date.from(now.minusSeconds(7200)))
                    .expirationTime(Date.from(now.minusSeconds(3600))).build(), "vnd.backstage.plugin"));
            assertRefused(sign(key, new JWTClaimsSet.Builder(good.build()).issueTime(null).build(),
                    "vnd.backstage.plugin"));
            assertRefused(sign(key, good.build(), "JWT"));
        } finally {
            jwks.stop(0);
        }
    }

    private void assertRefused(String token) {
        assertThrows(AuthenticationException.class, () -> readGroup(token));
    }

    private String readGroup(String token) {
        try (CatalogClient catalog = CatalogClient.create(target.baseUrl(), CredentialsProvider.staticToken(token))) {
            return catalog.entities().find(GROUP).orElseThrow().metadata().name();
        }
    }

    private static String sign(ECKey key, JWTClaimsSet claims, String typ) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(typ))
                .keyID(key.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    @Test
    void theTargetsPluginTokens_verifyInTheJavaPlugin_asThePluginOrCarryingTheUser() throws Exception {
        List<BackstagePrincipal> callers = new CopyOnWriteArrayList<>();
        String alice = target.userToken();
        serving(router(PluginIdentity.generate(ID), callers), () -> {
            target.makeScaffolderCallJavaPlugin(ID, target.token());
            target.makeScaffolderCallJavaPlugin(ID, alice);
            return null;
        });
        assertTrue(callers.size() >= 2, "the Java plugin was called: " + callers);
        BackstagePrincipal asService = callers.get(0);
        assertEquals(BackstagePrincipal.Kind.PLUGIN, asService.kind());
        assertEquals("plugin:scaffolder", asService.subject());
        BackstagePrincipal asUser = callers.get(callers.size() - 1);
        assertEquals(BackstagePrincipal.Kind.USER, asUser.kind());
        assertEquals("user:default/alice", asUser.subject());
        assertEquals("plugin:scaffolder", asUser.actor());
    }
}
