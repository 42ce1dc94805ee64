package dev.backstage4j.conformance;

import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the Java-actions contract against the testkit's FakeBackstage. */
@ExtendWith(FakeBackstageExtension.class)
class FakeJavaActionsContractTest extends JavaActionsContract {
}
