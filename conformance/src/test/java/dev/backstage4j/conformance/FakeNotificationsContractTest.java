package dev.backstage4j.conformance;

import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the notifications contract against the testkit's FakeBackstage. */
@ExtendWith(FakeBackstageExtension.class)
class FakeNotificationsContractTest extends NotificationsContract {
}
