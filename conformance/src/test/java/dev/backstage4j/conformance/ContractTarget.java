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
}
