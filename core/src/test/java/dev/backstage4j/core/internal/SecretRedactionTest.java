package dev.backstage4j.core.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.core.AuthenticationException;
import dev.backstage4j.core.BackstageApiException;
import dev.backstage4j.core.BackstageException;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.core.OutcomeUnknownException;
import dev.backstage4j.testsupport.LogCapture;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretRedactionTest {
  private static final String TOKEN = "tok-7f3a9c1e5b2d8f4a6c0e";
  private static final String SECRET = "ghp_SuperSecretValue123";

  @Test
  void token_appearsInNoLogLineExceptionMessageOrToString() throws Exception {
    try (MockWebServer server = new MockWebServer(); LogCapture logs = LogCapture.start()) {
      server.enqueue(new MockResponse().setBody("{\"echo\":\"Bearer " + TOKEN + "\",\"token\":\"" + TOKEN + "\"}"));
      server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"error\":{\"name\":\"AuthenticationError\","
          + "\"message\":\"Illegal token\"}}"));
      server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY)
          .setBody("x".repeat(4000)));
      CredentialsProvider credentials = CredentialsProvider.staticToken(TOKEN);
      ClientConfig config = ClientConfig.builder().baseUrl(server.url("/").uri()).credentials(credentials).build();
      HttpTransport t = HttpTransport.create(config, "scaffolder");

      t.execute(ApiRequest.get("/x").query("token", TOKEN).build(), ApiResponse::text);
      AuthenticationException auth = assertThrows(AuthenticationException.class,
          () -> t.execute(ApiRequest.get("/y").build(), ApiResponse::text));
      OutcomeUnknownException unknown = assertThrows(OutcomeUnknownException.class,
          () -> t.execute(ApiRequest.post("/v2/tasks").sensitiveBody()
              .jsonBody(Map.of("templateRef", "template:default/x", "secrets", Map.of("GITHUB_TOKEN", SECRET)))
              .build(), ApiResponse::text));

      String everything = logs.text();
      assertTrue(logs.lines().size() >= 6, "TRACE capture saw the calls: " + logs.lines());
      assertTrue(everything.contains("GET /x") && everything.contains("POST /v2/tasks"), everything);
      for (String text : List.of(everything, auth.getMessage(), unknown.getMessage(), String.valueOf(auth.error()),
          credentials.toString(), config.toString(), t.config().toString())) {
        assertFalse(text.contains(TOKEN), "token leaked into: " + text);
        assertFalse(text.contains(SECRET), "secret leaked into: " + text);
      }
      for (BackstageException e : List.of(auth, unknown)) {
        for (Throwable c = e; c != null; c = c.getCause()) {
          assertFalse(String.valueOf(c.getMessage()).contains(TOKEN), "token in cause " + c);
        }
      }
    }
  }

  /** Servers and gateways quote what they were sent; what they quote must not reach messages, excerpts or logs. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "401|{\"error\":{\"name\":\"AuthenticationError\",\"message\":\"Illegal token: TOKEN\"}}",
      "400|{\"error\":{\"name\":\"InputError\",\"message\":\"bad secret SECRET for token TOKEN\"}}",
      "404|{\"error\":{\"name\":\"NotFoundError\",\"message\":\"no route\"},\"request\":{\"headers\":"
          + "{\"authorization\":\"TOKEN\"}}}",
      "500|{\"message\":\"crashed while handling SECRET\",\"auth\":\"TOKEN\"}",
      "502|<html><body>Bad gateway. Upstream saw Authorization TOKEN and body SECRET</body></html>",
  })
  void echoedTokenAndTemplateSecrets_areScrubbedFromMessagesExcerptsAndLogs(int status, String template)
      throws Exception {
    try (MockWebServer server = new MockWebServer(); LogCapture logs = LogCapture.start()) {
      server.enqueue(new MockResponse().setResponseCode(status)
          .setBody(template.replace("TOKEN", TOKEN).replace("SECRET", SECRET)));
      ClientConfig config = ClientConfig.builder().baseUrl(server.url("/").uri()).token(TOKEN)
          .retry(dev.backstage4j.core.RetryOptions.disabled()).build();
      HttpTransport t = HttpTransport.create(config, "scaffolder");
      BackstageApiException e = assertThrows(BackstageApiException.class,
          () -> t.execute(ApiRequest.post("/v2/tasks").sensitiveBody().repeatable(true)
              .jsonBody(Map.of("templateRef", "template:default/x", "secrets", Map.of("GITHUB_TOKEN", SECRET)))
              .build(), ApiResponse::text));
      for (String text : List.of(e.getMessage(), e.toString(), e.error().bodyExcerpt(), e.errorMessage(),
          String.valueOf(e.error()), logs.text())) {
        assertFalse(text.contains(TOKEN), "token leaked into: " + text);
        assertFalse(text.contains(SECRET), "secret leaked into: " + text);
      }
      assertTrue(e.error().bodyExcerpt().contains("[redacted]") || e.errorMessage().contains("[redacted]"),
          "the answer is kept, with the secret masked: " + e.error().bodyExcerpt());
    }
  }

  @Test
  void baseUrlWithUserInfo_isRefused_withoutEchoingThePassword() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClientConfig.builder().baseUrl("http://admin:pw-s3cret-99@backstage.example.com:7007"));
    assertTrue(e.getMessage().contains("must not carry credentials"), e.getMessage());
    assertFalse(e.getMessage().contains("pw-s3cret-99"), e.getMessage());
  }

  @Test
  void redaction_coversQueryParamsJsonFieldsAndBearerValues() {
    assertTrue(Redaction.url("http://h/x?a=1&token=abc&b=2").equals("http://h/x?a=1&token=****&b=2"));
    String body = Redaction.body("{\"token\":\"abc\",\"secrets\":{\"k\":\"v\"},\"x\":\"Bearer abc.def\"}", 1000);
    assertFalse(body.contains("abc"), body);
    assertFalse(body.contains("\"v\""), body);
  }
}
