package dev.backstage4j.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstage4j.core.CircuitBreakerOptions;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.RetryOptions;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * The servlet Filter, driven with minimal hand-written stand-ins for the container's request and response (the
 * filter only reads headers, method and URI, and writes status, headers and body).
 */
class BackstageAuthFilterTest {
  private static final String TOKEN = "svc-token-0123456789";
  private final BackstageAuthFilter filter =
      new BackstageAuthFilter(TokenVerifier.builder().addStaticToken(TOKEN, "svc").build());

  /** A request with the given Authorization values and a working attribute map. */
  private static HttpServletRequest request(String... authorization) {
    Map<String, Object> attributes = new HashMap<>();
    return (HttpServletRequest) Proxy.newProxyInstance(BackstageAuthFilterTest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
          switch (method.getName()) {
            case "getHeader":
              return "Authorization".equalsIgnoreCase((String) args[0]) && authorization.length > 0
                  ? authorization[0] : null;
            case "getHeaders":
              return Collections.enumeration("Authorization".equalsIgnoreCase((String) args[0])
                  ? List.of(authorization) : List.<String>of());
            case "getMethod":
              return "GET";
            case "getRequestURI":
              return "/api/my-plugin/things";
            case "getAttribute":
              return attributes.get((String) args[0]);
            case "setAttribute":
              attributes.put((String) args[0], args[1]);
              return null;
            default:
              throw new UnsupportedOperationException(method.getName());
          }
        });
  }

  /** Records what the filter writes. */
  private static final class Recorded {
    int status = 200;
    final Map<String, String> headers = new HashMap<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();

    HttpServletResponse response() {
      ServletOutputStream out = new ServletOutputStream() {
        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {}

        @Override
        public void write(int b) {
          body.write(b);
        }
      };
      return (HttpServletResponse) Proxy.newProxyInstance(BackstageAuthFilterTest.class.getClassLoader(),
          new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
            switch (method.getName()) {
              case "setStatus":
                status = (Integer) args[0];
                return null;
              case "setHeader":
                headers.put((String) args[0], (String) args[1]);
                return null;
              case "setContentType":
                headers.put("Content-Type", (String) args[0]);
                return null;
              case "setContentLength":
                return null;
              case "getOutputStream":
                return out;
              default:
                throw new UnsupportedOperationException(method.getName());
            }
          });
    }

    JsonNode json() throws Exception {
      return new ObjectMapper().readTree(body.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void doFilter_validToken_setsPrincipalAndContinues() throws Exception {
    HttpServletRequest request = request("Bearer " + TOKEN);
    Recorded out = new Recorded();
    AtomicReference<ServletRequest> passed = new AtomicReference<>();

    filter.doFilter(request, out.response(), (req, res) -> passed.set(req));

    assertSame(request, passed.get());
    assertEquals("svc", BackstageAuthFilter.principal(request).subject());
    assertEquals(200, out.status);
    assertEquals(0, out.body.size());
  }

  @Test
  void doFilter_missingToken_answers401WithBackstageErrorBody() throws Exception {
    Recorded out = new Recorded();
    List<ServletRequest> passed = new ArrayList<>();

    filter.doFilter(request(), out.response(), (req, res) -> passed.add(req));

    assertTrue(passed.isEmpty());
    assertEquals(401, out.status);
    assertEquals("Bearer", out.headers.get("WWW-Authenticate"));
    assertTrue(out.headers.get("Content-Type").startsWith("application/json"));
    JsonNode body = out.json();
    assertEquals("AuthenticationError", body.at("/error/name").asText());
    assertTrue(body.at("/error/message").asText().contains("MISSING"), body.toString());
    assertEquals("GET", body.at("/request/method").asText());
    assertEquals("/api/my-plugin/things", body.at("/request/url").asText());
    assertEquals(401, body.at("/response/statusCode").asInt());
  }

  @Test
  void doFilter_wrongToken_answers401WithoutEchoingIt() throws Exception {
    Recorded out = new Recorded();

    filter.doFilter(request("Bearer not-the-right-token-42"), out.response(), (req, res) -> {
      throw new AssertionError("must not pass");
    });

    assertEquals(401, out.status);
    assertTrue(out.json().at("/error/message").asText().contains("NOT_RECOGNIZED"));
    assertFalse(out.body.toString(StandardCharsets.UTF_8).contains("not-the-right-token-42"));
  }

  @Test
  void doFilter_twoAuthorizationHeaders_answers401() throws Exception {
    Recorded out = new Recorded();

    filter.doFilter(request("Bearer " + TOKEN, "Bearer " + TOKEN), out.response(), (req, res) -> {
      throw new AssertionError("must not pass");
    });

    assertEquals(401, out.status);
    assertTrue(out.json().at("/error/message").asText().contains("MALFORMED"));
  }

  @Test
  void doFilter_keysUnreachable_answers503() throws Exception {
    try (MockWebServer auth = new MockWebServer()) {
      auth.enqueue(new MockResponse().setResponseCode(503));
      ClientConfig config = ClientConfig.builder().baseUrl(auth.url("/").toString())
          .retry(RetryOptions.disabled()).circuitBreaker(CircuitBreakerOptions.disabled()).build();
      BackstageAuthFilter users = new BackstageAuthFilter(TokenVerifier.builder().userTokens(config).build());
      String token = Tokens.sign(Tokens.ecKey("k1"), Tokens.userClaims(config.baseUrl() + "/api/auth",
          java.time.Instant.now()).build());
      Recorded out = new Recorded();

      users.doFilter(request("Bearer " + token), out.response(), (req, res) -> {
        throw new AssertionError("must not pass");
      });

      assertEquals(503, out.status);
      assertEquals("ServiceUnavailableError", out.json().at("/error/name").asText());
      assertNull(out.headers.get("WWW-Authenticate"));
      assertFalse(out.body.toString(StandardCharsets.UTF_8).contains(token));
    }
  }

  @Test
  void principal_requestNotFiltered_throwsNamingTheFilter() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> BackstageAuthFilter.principal(request()));

    assertTrue(e.getMessage().contains("BackstageAuthFilter"));
  }
}
