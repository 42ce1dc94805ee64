package dev.backstage4j.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.jwk.ECKey;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.RetryOptions;
import dev.backstage4j.core.internal.ApiRequest;
import dev.backstage4j.core.internal.HttpTransport;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * A plugin backend verifies the caller, then calls the catalog as that caller: the downstream call carries the
 * caller's token, while the service's own client keeps its own credentials.
 */
class OnBehalfOfCallerTest {

  @Test
  void credentials_passedToWithCredentials_forwardTheCallersTokenDownstream() throws Exception {
    ECKey key = Tokens.ecKey("k1");
    Map<String, String> authorizationByPath = new ConcurrentHashMap<>();
    try (MockWebServer backstage = new MockWebServer()) {
      backstage.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest r) {
          String auth = r.getHeader("Authorization");
          authorizationByPath.put(r.getPath() + " #" + authorizationByPath.size(), auth == null ? "-" : auth);
          return r.getPath().endsWith("/jwks.json") ? new MockResponse().setBody(Tokens.jwks(key))
              : new MockResponse().setBody("[]");
        }
      });
      backstage.start();
      String base = backstage.url("/").toString().replaceAll("/$", "");
      ClientConfig config = ClientConfig.builder().baseUrl(base).token("service-own-token-123")
          .retry(RetryOptions.disabled()).build();
      TokenVerifier verifier = TokenVerifier.builder().userTokens(config).build();
      String userToken = Tokens.sign(key, Tokens.userClaims(base + "/api/auth", Instant.now()).build());
      HttpTransport catalog = HttpTransport.create(config, "catalog");

      BackstagePrincipal caller = verifier.authenticate("Bearer " + userToken);
      catalog.withCredentials(caller.credentials()).execute(ApiRequest.get("/entities").build(), r -> r.text());
      catalog.execute(ApiRequest.get("/entities").build(), r -> r.text());

      assertEquals("Bearer " + userToken, authorizationByPath.get("/api/catalog/entities #1"));
      assertEquals("Bearer service-own-token-123", authorizationByPath.get("/api/catalog/entities #2"));
    }
  }
}
