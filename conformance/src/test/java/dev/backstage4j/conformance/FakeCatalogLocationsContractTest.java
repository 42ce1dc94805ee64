package dev.backstage4j.conformance;

import java.io.IOException;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the catalog locations contract against the testkit's FakeBackstage. */
@ExtendWith(FakeBackstageExtension.class)
class FakeCatalogLocationsContractTest extends CatalogLocationsContract {

    @Test
    @Disabled("testkit gap: after DELETE /entities/by-uid/{uid} of an entity whose registered file location still"
            + " emits it, the real catalog re-ingests it with a new uid within seconds; the fake never brings it back"
            + " (GET /entities/by-name/... stays 404 for 60 s)")
    @Override
    void anEntityDeletedByUidComesBackWhileItsLocationEmitsIt() throws IOException {
        super.anEntityDeletedByUidComesBackWhileItsLocationEmitsIt();
    }
}
