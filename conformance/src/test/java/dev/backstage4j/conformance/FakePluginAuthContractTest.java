package dev.backstage4j.conformance;

import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the plugin-identity contract against the testkit's FakeBackstage. */
@ExtendWith(FakeBackstageExtension.class)
class FakePluginAuthContractTest extends PluginAuthContract {
}
