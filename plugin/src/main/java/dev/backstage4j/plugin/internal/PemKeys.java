package dev.backstage4j.plugin.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import dev.backstage4j.plugin.PluginKeyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads plugin keys from PEM files as Backstage's static plugin key store takes them
 * ({@code backend.auth.pluginKeyStore.static.keys[].privateKeyFile / publicKeyFile}): a PKCS#8
 * {@code PRIVATE KEY} and a SubjectPublicKeyInfo {@code PUBLIC KEY}, both EC P-256 (ES256). Decoding is the JDK's
 * {@link KeyFactory}; nothing here is cryptography of our own.
 */
public final class PemKeys {
  private PemKeys() {}

  /**
   * Loads a signing key pair and checks that its halves belong together.
   *
   * @throws PluginKeyException naming the file and the problem
   */
  public static ECKey signingKey(Path privateKeyFile, Path publicKeyFile, String keyId) {
    ECPrivateKey privateKey = (ECPrivateKey) read(privateKeyFile, "PRIVATE KEY", true);
    ECPublicKey publicKey = (ECPublicKey) read(publicKeyFile, "PUBLIC KEY", false);
    checkP256(privateKeyFile, privateKey.getParams());
    checkP256(publicKeyFile, publicKey.getParams());
    if (!belongTogether(privateKey, publicKey)) {
      throw new PluginKeyException(publicKeyFile + " is not the public key of " + privateKeyFile
          + " (a signature made with the private key does not verify with it)", null);
    }
    return new ECKey.Builder(Curve.P_256, publicKey).privateKey(privateKey).keyID(keyId(keyId))
        .algorithm(JWSAlgorithm.ES256).build();
  }

  /**
   * Loads a public key to publish (another replica's, or an old key still to be accepted).
   *
   * @throws PluginKeyException naming the file and the problem
   */
  public static ECKey publicKey(Path publicKeyFile, String keyId) {
    ECPublicKey publicKey = (ECPublicKey) read(publicKeyFile, "PUBLIC KEY", false);
    checkP256(publicKeyFile, publicKey.getParams());
    return new ECKey.Builder(Curve.P_256, publicKey).keyID(keyId(keyId)).algorithm(JWSAlgorithm.ES256).build();
  }

  private static String keyId(String keyId) {
    if (keyId == null || keyId.isBlank()) {
      throw new PluginKeyException("a plugin key needs a key id (kid): Backstage picks the key by it", null);
    }
    return keyId;
  }

  private static Object read(Path file, String label, boolean isPrivate) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new PluginKeyException("cannot read the plugin key file " + file + ": " + e, e);
    }
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      String found = text.contains("-----BEGIN EC PRIVATE KEY-----")
          ? " (it is a SEC1 'EC PRIVATE KEY'; convert it with: openssl pkcs8 -topk8 -nocrypt -in " + file.getFileName()
              + ")"
          : text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") ? " (it is encrypted; keys must be unencrypted)"
          : "";
      throw new PluginKeyException(file + " is not a PEM '" + label + "'" + found, null);
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      throw new PluginKeyException(file + ": the PEM body is not valid base64", null);
    }
    try {
      KeyFactory ec = KeyFactory.getInstance("EC");
      return isPrivate ? ec.generatePrivate(new PKCS8EncodedKeySpec(der)) : ec.generatePublic(
          new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new PluginKeyException(file + " does not hold an EC " + (isPrivate ? "PKCS#8 private" : "public")
          + " key (plugin keys are ES256: EC P-256)", null);
    }
  }

  private static void checkP256(Path file, ECParameterSpec params) {
    if (!Curve.P_256.equals(Curve.forECParameterSpec(params))) {
      throw new PluginKeyException(file + " holds an EC key on another curve than P-256 (plugin keys are ES256)",
          null);
    }
  }

  private static boolean belongTogether(ECPrivateKey privateKey, ECPublicKey publicKey) {
    try {
      byte[] challenge = new byte[32];
      new SecureRandom().nextBytes(challenge);
      Signature s = Signature.getInstance("SHA256withECDSA");
      s.initSign(privateKey);
      s.update(challenge);
      byte[] signature = s.sign();
      Signature v = Signature.getInstance("SHA256withECDSA");
      v.initVerify(publicKey);
      v.update(challenge);
      return v.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
