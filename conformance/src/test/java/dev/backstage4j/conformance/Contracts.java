package dev.backstage4j.conformance;

import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.scaffolder.ScaffolderClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;

/** Helpers shared by the contract classes: SDK clients for a target, unique names, bounded polling. */
final class Contracts {

    /** The longest any contract waits for asynchronous work (ingestion, deletion, task completion). */
    static final Duration ASYNC_TIMEOUT = Duration.ofSeconds(60);

    private static final SecureRandom RANDOM = new SecureRandom();

    private Contracts() {
    }

    static CatalogClient catalog(ContractTarget target) {
        return catalog(target, CredentialsProvider.staticToken(target.token()));
    }

    static CatalogClient catalog(ContractTarget target, CredentialsProvider credentials) {
        return CatalogClient.builder().baseUrl(target.baseUrl()).credentials(credentials).build();
    }

    static ScaffolderClient scaffolder(ContractTarget target) {
        return scaffolder(target, CredentialsProvider.staticToken(target.token()));
    }

    static ScaffolderClient scaffolder(ContractTarget target, CredentialsProvider credentials) {
        return ScaffolderClient.builder().baseUrl(target.baseUrl()).credentials(credentials).build();
    }

    /** Returns the sample organisation folder both targets are seeded with. */
    static Path sampleDir() {
        return Path.of(System.getProperty("b4j.conformance.sampleDir",
                "../testkit/src/main/resources/dev/backstage4j/testkit/sample")).toAbsolutePath().normalize();
    }

    /** Returns the folder of the template written in Java (examples/templates: JavaServiceTemplate). */
    static Path javaServiceTemplateDir() {
        return Path.of("../examples/templates/java-service").toAbsolutePath().normalize();
    }

    /** Returns {@code prefix} with a random suffix, a valid entity or task name unique to this run. */
    static String uniqueName(String prefix) {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return prefix + "-" + HexFormat.of().formatHex(bytes);
    }

    /**
     * Polls {@code condition} until it yields true or {@link #ASYNC_TIMEOUT} passes.
     *
     * @throws AssertionError naming {@code what} when the condition never became true
     */
    static void await(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + ASYNC_TIMEOUT.toNanos();
        long pause = 100;
        while (!Boolean.TRUE.equals(condition.get())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + ASYNC_TIMEOUT.toSeconds() + " s waiting until " + what);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
            pause = Math.min(1000, pause * 2);
        }
    }
}
