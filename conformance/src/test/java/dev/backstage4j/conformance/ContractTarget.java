package dev.backstage4j.conformance;

import java.net.URI;

/**
 * Describes a Backstage server that the contract tests run against: the real backend or the testkit's fake.
 *
 * <p>Contract classes are abstract and take the target as a JUnit parameter; each target contributes one
 * concrete subclass per contract class, registered with that target's extension (see the module README).
 */
public interface ContractTarget {

    /**
     * Returns the backend's base URL, without a trailing slash; plugins live below it at {@code /api/catalog}
     * and {@code /api/scaffolder}.
     *
     * @return the base URL, e.g. {@code http://127.0.0.1:41234}
     */
    URI baseUrl();

    /**
     * Returns the bearer token that the target accepts. Never log it.
     *
     * @return the static token
     */
    String token();

    /**
     * Returns a short human-readable name of the target for test reports, e.g. {@code real-backstage}.
     *
     * @return the name
     */
    String name();

    /**
     * Returns the loopback port where this target's discovery routes the Java plugins of the contracts
     * ({@code javatest}, {@code hackathon}, {@code springtest}) as {@code http://127.0.0.1:<port>/api/{pluginId}}, as an operator's
     * {@code discovery.endpoints} entry does. Start a Java plugin there to be one of the target's plugins.
     *
     * @return the port
     */
    int javaPluginPort();

    /**
     * Returns a fresh user token for {@code user:default/alice} of the sample organisation, as the target's auth
     * backend issues it after a sign-in (the guest provider on the real backend). Never log it.
     *
     * @return the user token
     */
    String userToken();

    /**
     * Makes one of the target's own plugins call the Java plugin {@code pluginId} with a plugin token, as the
     * caller the token belongs to: with a static token the caller is a service (a plugin token without
     * {@code obo}), with a user token the call carries that user. On the real backend this lists actions through
     * the scaffolder ({@code GET /api/scaffolder/v2/actions}), which fetches them from every plugin source.
     *
     * @param pluginId the Java plugin to call
     * @param callerToken the static token or a user token from {@link #userToken()}
     */
    void makeScaffolderCallJavaPlugin(String pluginId, String callerToken);
}
