package dev.backstage4j.conformance;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Starts one {@link RealBackstage} per test run and hands it to tests as their {@link ContractTarget}.
 *
 * <p>The backend lives in the root {@link ExtensionContext.Store}, so every test class that uses this extension
 * shares it, and JUnit closes it after the last test. A failed start is remembered and reported to every later
 * class rather than retried. A failing test marks the backend so that its log is kept in the build directory.
 * Usage: {@code @ExtendWith(RealBackstageExtension.class) class RealCatalogContractTest extends CatalogContract {}}.
 */
public final class RealBackstageExtension
        implements BeforeAllCallback, ParameterResolver, TestWatcher, LifecycleMethodExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RealBackstageExtension.class);

    /**
     * Returns the shared backend of this test run, starting it on first use.
     *
     * @param context any extension context of the run
     * @return the running backend
     * @throws IllegalStateException if the backend could not be started (also on every later call)
     */
    public static RealBackstage backend(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Shared.class, key -> Shared.start(), Shared.class)
                .backend();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        backend(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ContractTarget.class || type == RealBackstage.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return backend(context);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        markFailed(context);
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        markFailed(context);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        markFailed(context);
        throw throwable;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        markFailed(context);
        throw throwable;
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        markFailed(context);
        throw throwable;
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        markFailed(context);
        throw throwable;
    }

    private static void markFailed(ExtensionContext context) {
        Shared shared = context.getRoot().getStore(NAMESPACE).get(Shared.class, Shared.class);
        if (shared != null && shared.running != null) {
            shared.running.markFailed();
        }
    }

    /** The run-wide backend, or the reason it could not start; closed by JUnit at the end of the run. */
    private static final class Shared implements ExtensionContext.Store.CloseableResource {
        private final RealBackstage running;
        private final RuntimeException startFailure;

        private Shared(RealBackstage running, RuntimeException startFailure) {
            this.running = running;
            this.startFailure = startFailure;
        }

        static Shared start() {
            try {
                return new Shared(RealBackstage.startFromSystemProperties(), null);
            } catch (RuntimeException e) {
                return new Shared(null, e);
            }
        }

        RealBackstage backend() {
            if (startFailure != null) {
                throw new IllegalStateException("the real Backstage backend could not be started: "
                        + startFailure.getMessage(), startFailure);
            }
            return running;
        }

        @Override
        public void close() {
            if (running != null) {
                running.close();
            }
        }
    }
}
