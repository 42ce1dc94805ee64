package dev.backstage4j.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys from PEM files (shared by replicas), extra public keys, in-memory rotation and on-behalf-of tokens. */
class PluginKeysTest {
  private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T0);

  private static KeyPair keyPair(String curve) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec(curve));
    return g.generateKeyPair();
  }

  private Path pem(String name, String label, byte[] der) throws Exception {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return Files.writeString(dir.resolve(name), "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label
        + "-----\n");
  }

  /** The JWKS key a token names, or null. */
  private static ECKey published(PluginIdentity identity, String token) throws Exception {
    return (ECKey) JWKSet.parse(identity.jwksJson()).getKeyByKeyId(SignedJWT.parse(token).getHeader().getKeyID());
  }

  private static boolean verifies(PluginIdentity identity, String token) throws Exception {
    ECKey key = published(identity, token);
    return key != null && SignedJWT.parse(token).verify(new ECDSAVerifier(key));
  }

  @Test
  void pemKeyPair_signsTokensThatVerifyWithThePublishedKey_inEveryReplica() throws Exception {
    KeyPair pair = keyPair("secp256r1");
    Path privateKey = pem("private.pem", "PRIVATE KEY", pair.getPrivate().getEncoded());
    Path publicKey = pem("public.pem", "PUBLIC KEY", pair.getPublic().getEncoded());
    PluginIdentity replicaA = PluginIdentity.builder("javatools").signingKey(privateKey, publicKey, "jt-1").build();
    PluginIdentity replicaB = PluginIdentity.builder("javatools").signingKey(privateKey, publicKey, "jt-1").build();

    String token = replicaA.mintToken("catalog");
    assertEquals("jt-1", SignedJWT.parse(token).getHeader().getKeyID());
    assertTrue(verifies(replicaB, token), "a token of one replica verifies with another replica's JWKS");
    assertEquals(replicaA.jwksJson(), replicaB.jwksJson());
    assertFalse(published(replicaA, token).isPrivate());
    assertEquals("ES256", published(replicaA, token).getAlgorithm().getName());
  }

  @Test
  void extraPublicKeys_arePublished_soTokensOfAnotherKeyVerify() throws Exception {
    KeyPair mine = keyPair("secp256r1");
    KeyPair other = keyPair("secp256r1");
    PluginIdentity other1 = PluginIdentity.builder("javatools").signingKey(
        pem("o.pem", "PRIVATE KEY", other.getPrivate().getEncoded()),
        pem("o.pub", "PUBLIC KEY", other.getPublic().getEncoded()), "jt-other").build();
    PluginIdentity me = PluginIdentity.builder("javatools")
        .signingKey(pem("m.pem", "PRIVATE KEY", mine.getPrivate().getEncoded()),
            pem("m.pub", "PUBLIC KEY", mine.getPublic().getEncoded()), "jt-mine")
        .publicKey(dir.resolve("o.pub"), "jt-other").build();

    assertTrue(verifies(me, other1.mintToken("catalog")));
    assertEquals(2, JWKSet.parse(me.jwksJson()).getKeys().size());
  }

  @Test
  void badKeyFiles_failNamingTheFileAndTheProblem_withoutKeyMaterial() throws Exception {
    KeyPair pair = keyPair("secp256r1");
    Path privateKey = pem("private.pem", "PRIVATE KEY", pair.getPrivate().getEncoded());
    Path publicKey = pem("public.pem", "PUBLIC KEY", pair.getPublic().getEncoded());
    Path otherPublic = pem("other.pem", "PUBLIC KEY", keyPair("secp256r1").getPublic().getEncoded());
    Path p384 = pem("p384.pem", "PRIVATE KEY", keyPair("secp384r1").getPrivate().getEncoded());
    Path p384pub = pem("p384.pub", "PUBLIC KEY", keyPair("secp384r1").getPublic().getEncoded());
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    Path rsaKey = pem("rsa.pem", "PRIVATE KEY", rsa.generateKeyPair().getPrivate().getEncoded());
    Path sec1 = Files.writeString(dir.resolve("sec1.pem"), "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----\n");

    assertProblem(() -> builder().signingKey(dir.resolve("missing.pem"), publicKey, "k"), "missing.pem", "cannot read");
    assertProblem(() -> builder().signingKey(privateKey, otherPublic, "k"), "other.pem", "is not the public key");
    assertProblem(() -> builder().signingKey(p384, p384pub, "k"), "p384.pem", "P-256");
    assertProblem(() -> builder().signingKey(rsaKey, publicKey, "k"), "rsa.pem", "EC PKCS#8");
    assertProblem(() -> builder().signingKey(sec1, publicKey, "k"), "sec1.pem", "openssl pkcs8 -topk8");
    assertProblem(() -> builder().signingKey(garbage, publicKey, "k"), "garbage.pem", "does not hold an EC");
    assertProblem(() -> builder().signingKey(publicKey, publicKey, "k"), "public.pem", "not a PEM 'PRIVATE KEY'");
    assertProblem(() -> builder().signingKey(privateKey, publicKey, " "), "", "key id");
    String secret = Files.readString(privateKey).split("\n")[1];
    PluginKeyException e = assertThrows(PluginKeyException.class,
        () -> builder().signingKey(privateKey, otherPublic, "k"));
    assertFalse(e.getMessage().contains(secret.substring(0, 20)));
  }

  private PluginIdentity.Builder builder() {
    return PluginIdentity.builder("javatools");
  }

  private static void assertProblem(org.junit.jupiter.api.function.Executable call, String file, String problem) {
    PluginKeyException e = assertThrows(PluginKeyException.class, call);
    assertTrue(e.getMessage().contains(file) && e.getMessage().contains(problem), e.getMessage());
  }

  @Test
  void rotation_keepsTheRetiredKeyPublishedWhileItsTokensLive_thenDropsIt() throws Exception {
    PluginIdentity identity = PluginIdentity.builder("javatools").rotateEvery(Duration.ofHours(1)).clock(clock)
        .build();
    String before = identity.mintToken("catalog");

    clock.advance(Duration.ofMinutes(61));
    String after = identity.mintToken("catalog");
    assertNotEquals(SignedJWT.parse(before).getHeader().getKeyID(), SignedJWT.parse(after).getHeader().getKeyID());
    assertTrue(verifies(identity, before), "the token signed before the rotation still verifies");
    assertTrue(verifies(identity, after));

    clock.advance(Duration.ofMinutes(60 + 4));
    assertTrue(verifies(identity, before), "kept a little past its last token's expiry");
    clock.advance(Duration.ofMinutes(2));
    assertNull(published(identity, before), "dropped once every token it signed has expired");
    assertTrue(verifies(identity, after), "the second key, retired at 121 min, is still published");
  }

  @Test
  void rotation_isOnlyForGeneratedKeys() throws Exception {
    KeyPair pair = keyPair("secp256r1");
    PluginIdentity.Builder b = builder().signingKey(pem("p.pem", "PRIVATE KEY", pair.getPrivate().getEncoded()),
        pem("p.pub", "PUBLIC KEY", pair.getPublic().getEncoded()), "k").rotateEvery(Duration.ofHours(1));
    assertThrows(IllegalArgumentException.class, b::build);
  }

  @Test
  void onBehalfOfTokens_carryTheLimitedUserTokenUnchanged_andExpireNoLaterThanIt() throws Exception {
    PluginIdentity identity = PluginIdentity.builder("javatools").clock(clock).build();
    String limited = Base64URL.encode("{\"typ\":\"vnd.backstage.limited-user\",\"alg\":\"ES256\",\"kid\":\"a\"}")
        + "." + Base64URL.encode("{\"sub\":\"user:default/alice\",\"iat\":" + T0.getEpochSecond() + ",\"exp\":"
        + T0.plusSeconds(1200).getEpochSecond() + "}") + ".c2lnbmF0dXJl";

    String token = identity.credentialsOnBehalfOf("scaffolder", limited).token();
    SignedJWT jwt = SignedJWT.parse(token);
    assertEquals(limited, jwt.getJWTClaimsSet().getStringClaim("obo"));
    assertEquals(T0.plusSeconds(1200), jwt.getJWTClaimsSet().getExpirationTime().toInstant());
    assertEquals(List.of("scaffolder"), jwt.getJWTClaimsSet().getAudience());
    assertTrue(verifies(identity, token));
    assertThrows(IllegalArgumentException.class, () -> identity.credentialsOnBehalfOf("scaffolder", "not-a-jwt"));
    assertFalse(identity.credentialsOnBehalfOf("scaffolder", limited).toString().contains(limited));
  }
}
