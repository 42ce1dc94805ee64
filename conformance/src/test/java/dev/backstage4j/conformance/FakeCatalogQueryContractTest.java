package dev.backstage4j.conformance;

import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the catalog query contract against the testkit's FakeBackstage. */
@ExtendWith(FakeBackstageExtension.class)
class FakeCatalogQueryContractTest extends CatalogQueryContract {
}
