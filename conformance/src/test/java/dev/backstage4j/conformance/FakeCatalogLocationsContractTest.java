package dev.backstage4j.conformance;

import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the catalog locations contract against the testkit's FakeBackstage. */
@ExtendWith(FakeBackstageExtension.class)
class FakeCatalogLocationsContractTest extends CatalogLocationsContract {
}
