package dev.backstage4j.conformance;

import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the notifications contract against the real Backstage backend. */
@ExtendWith(RealBackstageExtension.class)
class RealNotificationsContractTest extends NotificationsContract {
}
