package dev.backstage4j.conformance;

import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the Java-actions contract against the real Backstage backend. */
@ExtendWith(RealBackstageExtension.class)
class RealJavaActionsContractTest extends JavaActionsContract {
}
