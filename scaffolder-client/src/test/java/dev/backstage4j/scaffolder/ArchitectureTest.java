package dev.backstage4j.scaffolder;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.backstage4j.testsupport.PublicApiRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  private final JavaClasses scaffolder = PublicApiRules.importMain("dev.backstage4j.scaffolder");

  @Test
  void publicApi_exposesNoThirdPartyTypes() {
    PublicApiRules.NO_THIRD_PARTY_TYPES_IN_PUBLIC_API.check(scaffolder);
  }

  @Test
  void okHttp_isTouchedOnlyByTheTransport() {
    PublicApiRules.ONLY_TRANSPORT_TOUCHES_OKHTTP.check(scaffolder);
  }
}
