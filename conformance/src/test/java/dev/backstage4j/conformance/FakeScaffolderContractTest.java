package dev.backstage4j.conformance;

import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the scaffolder contract against the testkit's FakeBackstage. */
@ExtendWith(FakeBackstageExtension.class)
class FakeScaffolderContractTest extends ScaffolderContract {
}
