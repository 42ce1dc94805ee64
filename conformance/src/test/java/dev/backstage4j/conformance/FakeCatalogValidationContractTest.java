package dev.backstage4j.conformance;

import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the catalog validation contract against the testkit's FakeBackstage. */
@ExtendWith(FakeBackstageExtension.class)
class FakeCatalogValidationContractTest extends CatalogValidationContract {
}
