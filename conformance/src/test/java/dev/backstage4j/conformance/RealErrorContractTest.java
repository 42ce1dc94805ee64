package dev.backstage4j.conformance;

import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the error contract against the real Backstage backend. */
@ExtendWith(RealBackstageExtension.class)
class RealErrorContractTest extends ErrorContract {
}
