package dev.backstage4j.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plain-function adapter over an {@code Authorization} header or a header map. */
class AuthenticateHeadersTest {
  private static final String TOKEN = "svc-token-0123456789";
  private final TokenVerifier verifier = TokenVerifier.builder().addStaticToken(TOKEN, "svc").build();

  private TokenRejection rejection(Map<String, List<String>> headers) {
    return assertThrows(TokenRejectedException.class, () -> verifier.authenticate(headers)).reason();
  }

  @Test
  void authenticate_bearerHeader_anyCase_accepted() {
    assertEquals("svc", verifier.authenticate("Bearer " + TOKEN).subject());
    assertEquals("svc", verifier.authenticate("bearer " + TOKEN).subject());
    assertEquals("svc", verifier.authenticate(Map.of("authorization", List.of("BEARER  " + TOKEN))).subject());
  }

  @Test
  void authenticate_noHeader_rejectedMissing() {
    assertEquals(TokenRejection.MISSING, rejection(Map.of("Accept", List.of("application/json"))));
    assertEquals(TokenRejection.MISSING, assertThrows(TokenRejectedException.class,
        () -> verifier.authenticate((String) null)).reason());
    assertEquals(TokenRejection.MISSING, rejection(Map.of("Authorization", List.of("  "))));
  }

  @Test
  void authenticate_otherScheme_rejectedMalformed() {
    assertEquals(TokenRejection.MALFORMED, rejection(Map.of("Authorization", List.of("Basic dXNlcjpwYXNz"))));
  }

  @Test
  void authenticate_twoAuthorizationHeaders_rejectedMalformed() {
    assertEquals(TokenRejection.MALFORMED,
        rejection(Map.of("Authorization", List.of("Bearer " + TOKEN, "Bearer other-token-123"))));
  }
}
