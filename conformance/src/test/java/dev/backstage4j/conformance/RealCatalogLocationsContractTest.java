package dev.backstage4j.conformance;

import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the catalog locations contract against the real Backstage backend. */
@ExtendWith(RealBackstageExtension.class)
class RealCatalogLocationsContractTest extends CatalogLocationsContract {
}
