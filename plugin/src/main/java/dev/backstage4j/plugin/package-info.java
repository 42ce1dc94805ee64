/**
 * Verifies Backstage-issued tokens in Java services behind Backstage, and acts on behalf of the caller.
 *
 * <p>{@link dev.backstage4j.plugin.TokenVerifier} checks user tokens (ES256 JWTs from the auth backend's
 * JWKS) and external-access tokens (static or JWKS-based) and returns a
 * {@link dev.backstage4j.plugin.BackstagePrincipal}; a bad token raises
 * {@link dev.backstage4j.plugin.TokenRejectedException} with a typed
 * {@link dev.backstage4j.plugin.TokenRejection}. {@link dev.backstage4j.plugin.BackstageAuthFilter} does
 * the same for servlet applications.
 *
 * <pre>{@code
 * TokenVerifier verifier = TokenVerifier.builder()
 *     .userTokens(ClientConfig.builder().baseUrl("http://backstage:7007").build())
 *     .build();
 * BackstagePrincipal caller = verifier.authenticate(headers);          // Map<String, List<String>>
 * CatalogClient asCaller = catalog.withCredentials(caller.credentials()); // same pool, caller's permissions
 * }</pre>
 *
 * <p>Everything is non-null unless documented.
 */
package dev.backstage4j.plugin;
