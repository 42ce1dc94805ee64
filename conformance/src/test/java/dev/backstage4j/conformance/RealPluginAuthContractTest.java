package dev.backstage4j.conformance;

import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the plugin-identity contract against the real Backstage backend. */
@ExtendWith(RealBackstageExtension.class)
class RealPluginAuthContractTest extends PluginAuthContract {
}
