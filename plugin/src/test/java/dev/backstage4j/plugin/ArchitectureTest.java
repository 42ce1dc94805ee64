package dev.backstage4j.plugin;

import dev.backstage4j.testsupport.PublicApiRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  @Test
  void publicApi_exposesNoThirdPartyTypes_andOnlyTheTransportTouchesOkHttp() {
    PublicApiRules.checkModuleOf(TokenVerifier.class);
  }
}
