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

    @Test
    @Disabled("testkit gap: POST /api/scaffolder/v2/autocomplete/no-such-provider/repositories is not served (the"
            + " client reports UnsupportedEndpointException); the real scaffolder answers 400 InputError"
            + " \"Unsupported provider: no-such-provider\"")
    @Override
    void unknownAutocompleteProviderIs400() {
        super.unknownAutocompleteProviderIs400();
    }
}
