package dev.backstage4j.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks with the JDK's HTTP client that a target is up, seeded and guarded by its token. These are stand-ins until
 * the catalog and scaffolder clients exist; the client-based contracts will replace them.
 */
abstract class SmokeContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ContractTarget target;

    @BeforeEach
    void bindTarget(ContractTarget target) {
        this.target = target;
    }

    @Test
    void readiness_withoutToken_isOk() throws Exception {
        HttpResponse<String> response = send(request("/.backstage/health/v1/readiness").GET().build());

        assertEquals(200, response.statusCode(), response::body);
    }

    @Test
    void sampleOrganisation_afterStart_isFullyIngested() throws Exception {
        SampleOrganisation sample = SampleOrganisation.load(
                Path.of(System.getProperty("b4j.conformance.sampleDir",
                        "../testkit/src/main/resources/dev/backstage4j/testkit/sample")));

        JsonNode all = json(send(authorized("/api/catalog/entities?fields=kind,metadata.namespace,metadata.name")
                .GET().build()), 200);

        Set<String> refs = new HashSet<>();
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode entity : all) {
            String kind = entity.path("kind").asText();
            refs.add((kind + ":" + entity.path("metadata").path("namespace").asText() + "/"
                    + entity.path("metadata").path("name").asText()).toLowerCase(java.util.Locale.ROOT));
            counts.merge(kind, 1, Integer::sum);
        }
        assertTrue(refs.containsAll(sample.entityRefs()), () -> "missing: " + sample.entityRefs().stream()
                .filter(ref -> !refs.contains(ref)).toList());
        // Other contract classes may add entities of their own while running, but never of the sample's kinds
        // other than Location (the real catalog also adds a generated Location for the registered file).
        sample.countsByKind().forEach((kind, expected) -> {
            if (kind.equals("Location")) {
                assertTrue(counts.getOrDefault(kind, 0) >= expected, () -> "Location count " + counts);
            } else {
                assertEquals(expected, counts.getOrDefault(kind, 0), () -> kind + " count in " + counts);
            }
        });
    }

    @Test
    void catalogRequest_withoutToken_is401WithErrorEnvelope() throws Exception {
        JsonNode body = json(send(request("/api/catalog/entities?limit=1").GET().build()), 401);

        assertAll(
                () -> assertEquals("AuthenticationError", body.path("error").path("name").asText()),
                () -> assertEquals("Missing credentials", body.path("error").path("message").asText()),
                () -> assertEquals("GET", body.path("request").path("method").asText()),
                () -> assertEquals("/entities?limit=1", body.path("request").path("url").asText()),
                () -> assertEquals(401, body.path("response").path("statusCode").asInt()));
    }

    @Test
    void catalogRequest_withWrongToken_is401() throws Exception {
        HttpResponse<String> response = send(request("/api/catalog/entities?limit=1")
                .header("Authorization", "Bearer not-the-token-0123456789").GET().build());

        JsonNode body = json(response, 401);
        assertEquals("AuthenticationError", body.path("error").path("name").asText());
    }

    @Test
    void entityByName_ofSampleComponent_returnsEntityWithRelations() throws Exception {
        JsonNode entity = json(send(authorized("/api/catalog/entities/by-name/component/default/payments-service")
                .GET().build()), 200);

        Set<String> relations = new HashSet<>();
        entity.path("relations").forEach(r -> relations.add(r.path("type").asText() + " " + r.path("targetRef").asText()));
        assertAll(
                () -> assertEquals("Component", entity.path("kind").asText()),
                () -> assertEquals("payments-service", entity.path("metadata").path("name").asText()),
                () -> assertEquals("default", entity.path("metadata").path("namespace").asText()),
                () -> assertTrue(!entity.path("metadata").path("uid").asText().isEmpty(), "uid"),
                () -> assertEquals("production", entity.path("spec").path("lifecycle").asText()),
                () -> assertTrue(relations.containsAll(Set.of(
                        "ownedBy group:default/payments-team",
                        "partOf system:default/payments",
                        "providesApi api:default/payments-api",
                        "dependsOn resource:default/payments-db",
                        "dependencyOf component:default/checkout-service")), () -> "relations " + relations));
    }

    @Test
    void entityByName_unknown_is404WithErrorEnvelope() throws Exception {
        JsonNode body = json(send(authorized("/api/catalog/entities/by-name/component/default/no-such-thing")
                .GET().build()), 404);

        assertAll(
                () -> assertEquals("NotFoundError", body.path("error").path("name").asText()),
                () -> assertEquals(404, body.path("response").path("statusCode").asInt()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(target.baseUrl() + path)).timeout(Duration.ofSeconds(30));
    }

    private HttpRequest.Builder authorized(String path) {
        return request(path).header("Authorization", "Bearer " + target.token());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int expectedStatus) throws IOException {
        assertEquals(expectedStatus, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                () -> "Content-Type " + response.headers().map());
        return JSON.readTree(response.body());
    }
}
