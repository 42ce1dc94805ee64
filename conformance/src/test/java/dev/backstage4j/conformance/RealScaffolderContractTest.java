package dev.backstage4j.conformance;

import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the scaffolder contract against the real Backstage backend. */
@ExtendWith(RealBackstageExtension.class)
class RealScaffolderContractTest extends ScaffolderContract {
}
