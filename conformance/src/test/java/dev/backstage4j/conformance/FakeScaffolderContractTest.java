package dev.backstage4j.conformance;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the scaffolder contract against the testkit's FakeBackstage. */
@ExtendWith(FakeBackstageExtension.class)
class FakeScaffolderContractTest extends ScaffolderContract {

    @Test
    @Disabled("testkit gap: a step skipped by its 'if' gets no 'Beginning step <name>' (status processing) event"
            + " before 'Skipping step ...' (status skipped); the real scaffolder 4.2.0 emits both")
    @Override
    void stepStatusEventsComeInOrderAndASkippedStepIsBegunFirst() {
        super.stepStatusEventsComeInOrderAndASkippedStepIsBegunFirst();
    }
}
