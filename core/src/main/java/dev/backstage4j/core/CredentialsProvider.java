package dev.backstage4j.core;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Supplies the bearer token sent as {@code Authorization: Bearer <token>} with each request.
 *
 * <p>When the server answers 401, the transport calls {@link #refresh()} once and repeats the call once with
 * the new token. Implementations must be thread-safe. Tokens never appear in logs, exception messages or the
 * {@code toString()} of any backstage4j type.
 *
 * <pre>{@code
 * CredentialsProvider.staticToken(System.getenv("BACKSTAGE_TOKEN"));
 * CredentialsProvider.refreshing(() -> tokenService.fetchFreshToken());
 * }</pre>
 */
@FunctionalInterface
public interface CredentialsProvider {

  /** {@return the token to send, or null to send no {@code Authorization} header} */
  String token();

  /**
   * {@return a fresh token after the server rejected the current one, or null when this provider cannot get a
   * new one (the 401 is then thrown)} Called at most once per failed call.
   */
  default String refresh() {
    return null;
  }

  /** {@return a provider that sends no credentials (for backends with auth switched off)} */
  static CredentialsProvider none() {
    return Credentials.NONE;
  }

  /**
   * Returns a provider that always sends {@code token}, e.g. a Backstage static external-access token.
   *
   * @param token the token
   * @return the provider
   * @throws IllegalArgumentException when {@code token} is null or blank (typically an unset environment
   *     variable); use {@link #none()} for a backend without auth
   */
  static CredentialsProvider staticToken(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("the token is " + (token == null ? "null" : "blank") + ": is the "
          + "variable or setting it comes from (e.g. BACKSTAGE_TOKEN) set? For a backend without auth use "
          + "CredentialsProvider.none()");
    }
    return new Credentials.Static(token);
  }

  /**
   * {@return a provider that calls {@code supplier} for the first token, caches it, and calls it again when the
   * server rejects the cached one} Use it for tokens that expire (service-to-service JWTs, user tokens).
   *
   * @param supplier fetches a fresh token; called again only after a 401
   */
  static CredentialsProvider refreshing(Supplier<String> supplier) {
    return new Credentials.Refreshing(Objects.requireNonNull(supplier, "supplier"));
  }
}
