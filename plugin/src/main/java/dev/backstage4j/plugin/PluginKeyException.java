package dev.backstage4j.plugin;

/**
 * A plugin key file cannot be used: unreadable, not PEM, not an EC P-256 key in the expected encoding (PKCS#8 for
 * the private key, SubjectPublicKeyInfo for the public key), or the two halves do not belong together. The message
 * names the file and what is wrong, never key material.
 */
public final class PluginKeyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the file and the problem
   * @param cause the underlying failure, or null
   */
  public PluginKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
