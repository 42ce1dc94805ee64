package dev.backstage4j.conformance;

import dev.backstage4j.testkit.FakeBackstage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one testkit {@link FakeBackstage} per test run, seeded with the shipped sample organisation (the same
 * one the real backend loads), and hands it to tests as their {@link ContractTarget}.
 * Usage: {@code @ExtendWith(FakeBackstageExtension.class) class FakeCatalogQueryContractTest extends ...}.
 */
public final class FakeBackstageExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FakeBackstageExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ContractTarget.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Shared.class, key -> Shared.start(), Shared.class);
    }

    /** The run-wide fake; closed by JUnit at the end of the run. */
    private static final class Shared implements ContractTarget, ExtensionContext.Store.CloseableResource {
        private final FakeBackstage fake;
        private final int javaPluginPort;

        private Shared(FakeBackstage fake, int javaPluginPort) {
            this.fake = fake;
            this.javaPluginPort = javaPluginPort;
            // Routed like the real backend's discovery.endpoints entry in backend/app-config.yaml.
            for (String id : new String[] {"javatest", "hackathon", "springtest"}) {
                fake.plugin(id, URI.create("http://127.0.0.1:" + javaPluginPort + "/api/" + id));
            }
        }

        static Shared start() {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            String token = "b4j-conformance-" + HexFormat.of().formatHex(random);
            int port;
            try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("no free loopback port", e);
            }
            return new Shared(FakeBackstage.builder().token(token).sampleCatalog().build().start(), port);
        }

        @Override
        public URI baseUrl() {
            return fake.baseUrl();
        }

        @Override
        public String token() {
            return fake.token();
        }

        @Override
        public String name() {
            return "testkit-fake";
        }

        @Override
        public int javaPluginPort() {
            return javaPluginPort;
        }

        @Override
        public String userToken() {
            return fake.userToken("user:default/alice");
        }

        /** The fake has no remote action sources yet: it sends the scaffolder's plugin token itself. */
        @Override
        public void makeScaffolderCallJavaPlugin(String pluginId, String callerToken) {
            String token = callerToken.equals(fake.token()) ? fake.pluginToken("scaffolder", pluginId)
                    : fake.pluginToken("scaffolder", pluginId, callerToken);
            try {
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + javaPluginPort + "/api/" + pluginId + "/.backstage/actions/v1/actions"))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            fake.close();
        }

        @Override
        public String toString() {
            return "FakeBackstageTarget[" + fake + "]";
        }
    }
}
