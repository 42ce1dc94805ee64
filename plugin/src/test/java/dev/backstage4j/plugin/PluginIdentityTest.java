package dev.backstage4j.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.backstage4j.core.CredentialsProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginIdentityTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final PluginIdentity identity = PluginIdentity.generate("javatest", clock);

  @Test
  void mintedTokenHasBackstagePluginHeaderAndClaimsAndVerifiesWithPublishedJwks() throws Exception {
    SignedJWT jwt = SignedJWT.parse(identity.mintToken("catalog"));

    assertEquals("ES256", jwt.getHeader().getAlgorithm().getName());
    assertEquals("vnd.backstage.plugin", jwt.getHeader().getType().getType());
    JWKSet jwks = JWKSet.parse(identity.jwksJson());
    ECKey published = (ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
    assertFalse(published.isPrivate(), "the JWKS must not publish the private key");
    assertTrue(jwt.verify(new ECDSAVerifier(published)));

    assertEquals("javatest", jwt.getJWTClaimsSet().getSubject());
    assertEquals(List.of("catalog"), jwt.getJWTClaimsSet().getAudience());
    assertEquals(clock.instant(), jwt.getJWTClaimsSet().getIssueTime().toInstant());
    assertEquals(clock.instant().plus(Duration.ofHours(1)), jwt.getJWTClaimsSet().getExpirationTime().toInstant());
  }

  @Test
  void credentialsReuseTheTokenUntilNearExpiryThenMintANewOne() throws Exception {
    CredentialsProvider credentials = identity.credentialsFor("catalog");
    String first = credentials.token();
    clock.advance(Duration.ofMinutes(50));
    assertEquals(first, credentials.token());
    clock.advance(Duration.ofMinutes(6));
    String renewed = credentials.token();
    assertNotEquals(first, renewed);
    assertEquals(clock.instant(), SignedJWT.parse(renewed).getJWTClaimsSet().getIssueTime().toInstant());
    assertFalse(credentials.toString().contains(renewed), "no token in toString");
  }

  @Test
  void rejectsAnInvalidPluginId() {
    assertThrows(IllegalArgumentException.class, () -> PluginIdentity.generate("Not Valid"));
  }
}
