package dev.backstage4j.conformance;

import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the catalog validation contract against the real Backstage backend. */
@ExtendWith(RealBackstageExtension.class)
class RealCatalogValidationContractTest extends CatalogValidationContract {
}
