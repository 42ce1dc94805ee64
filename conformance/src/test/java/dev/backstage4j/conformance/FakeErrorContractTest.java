package dev.backstage4j.conformance;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the error contract against the testkit's FakeBackstage. */
@ExtendWith(FakeBackstageExtension.class)
class FakeErrorContractTest extends ErrorContract {

    @Test
    @Disabled("testkit gap: GET /entities/by-name/component/default/no-such-component/ancestry answers 404 with"
            + " message \"No entity named 'no-such-component' found, with kind 'component' in namespace 'default'\";"
            + " the real catalog 4.0.0 says \"No such entity component:default/no-such-component\"")
    @Override
    void ancestryOfAnUnknownEntityNamesIt() {
        super.ancestryOfAnUnknownEntityNamesIt();
    }
}
