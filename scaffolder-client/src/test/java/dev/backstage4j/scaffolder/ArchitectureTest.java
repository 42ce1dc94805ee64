package dev.backstage4j.scaffolder;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.backstage4j.testsupport.PublicApiRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  /** Imports only this module's production classes (their folder), which is much faster than a classpath scan. */
  private final JavaClasses scaffolder = importModule();

  private static JavaClasses importModule() {
    try {
      return new ClassFileImporter().importPath(Path.of(ScaffolderClient.class.getProtectionDomain()
          .getCodeSource().getLocation().toURI()));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void publicApi_exposesNoThirdPartyTypes() {
    PublicApiRules.NO_THIRD_PARTY_TYPES_IN_PUBLIC_API.check(scaffolder);
  }

  @Test
  void okHttp_isTouchedOnlyByTheTransport() {
    PublicApiRules.ONLY_TRANSPORT_TOUCHES_OKHTTP.check(scaffolder);
  }
}
