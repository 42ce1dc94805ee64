package dev.backstage4j.testkit;

import dev.backstage4j.testsupport.PublicApiRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  @Test
  void publicApi_exposesNoThirdPartyTypes_andOnlyTheTransportTouchesOkHttp() {
    PublicApiRules.checkModuleOf(FakeBackstage.class);
  }
}
