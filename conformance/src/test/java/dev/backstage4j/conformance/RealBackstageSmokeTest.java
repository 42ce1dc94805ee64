package dev.backstage4j.conformance;

import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the smoke contract against the real Backstage backend. */
@ExtendWith(RealBackstageExtension.class)
class RealBackstageSmokeTest extends SmokeContract {
}
