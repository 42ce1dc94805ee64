package dev.backstage4j.conformance;

import dev.backstage4j.testkit.FakeBackstage;
import java.net.URI;
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

        private Shared(FakeBackstage fake) {
            this.fake = fake;
        }

        static Shared start() {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            String token = "b4j-conformance-" + HexFormat.of().formatHex(random);
            return new Shared(FakeBackstage.builder().token(token).sampleCatalog().build().start());
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
        public void close() {
            fake.close();
        }

        @Override
        public String toString() {
            return "FakeBackstageTarget[" + fake + "]";
        }
    }
}
