package dev.backstage4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstage4j.plugin.BackstagePrincipal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the Java-actions contract against the real Backstage backend, plus what only the real one has:
 * {@code @backstage/plugin-mcp-actions-backend} offering the Java actions to AI assistants as MCP tools.
 */
@ExtendWith(RealBackstageExtension.class)
class RealJavaActionsContractTest extends JavaActionsContract {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One JSON-RPC call to the MCP endpoint (stateless Streamable HTTP, replies as SSE frames). */
    private JsonNode mcp(String method, String params) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(target.baseUrl() + "/api/mcp-actions/v1"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + target.userToken())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method
                        + "\",\"params\":" + params + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        for (String line : r.body().split("\n")) {
            if (line.startsWith("data: ")) {
                return JSON.readTree(line.substring("data: ".length()));
            }
        }
        throw new AssertionError("no SSE data frame in " + r.body());
    }

    @Test
    void mcp_listsTheJavaActionsAsTools_andACallReturnsTheJavaOutput() throws Exception {
        JsonNode tools = mcp("tools/list", "{}").at("/result/tools");
        JsonNode lookup = null;
        for (JsonNode t : tools) {
            if (t.path("name").asText().equals("javatest.lookup")) {
                lookup = t;
            }
        }
        assertTrue(lookup != null, "javatest.lookup among " + tools);
        assertEquals("Looks a key up", lookup.path("description").asText());
        assertEquals("Lookup", lookup.at("/annotations/title").asText());
        assertTrue(lookup.at("/annotations/readOnlyHint").asBoolean());
        assertEquals("string", lookup.at("/inputSchema/properties/key/type").asText());

        JsonNode result = mcp("tools/call", "{\"name\":\"javatest.lookup\",\"arguments\":{\"key\":\"k1\"}}")
                .get("result");

        assertEquals("value-of-k1", result.at("/structuredContent/value").asText(), result.toString());
        assertEquals(JSON.readTree("{\"value\":\"value-of-k1\"}"),
                JSON.readTree(result.at("/content/0/text").asText()));
        assertEquals(List.of("lookup {key=k1}"), invocations);
        BackstagePrincipal caller = callers.get(0);
        assertEquals("user:default/alice", caller.subject());
        assertEquals("plugin:mcp-actions", caller.actor());
    }
}
