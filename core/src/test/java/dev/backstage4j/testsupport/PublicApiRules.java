package dev.backstage4j.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;

/**
 * The architecture rules every module checks: no third-party type (OkHttp, Okio, Kotlin, Jackson,
 * Resilience4j) in a public signature outside {@code ..internal..}, and only the transport touches OkHttp.
 */
public final class PublicApiRules {
  private static final List<String> FORBIDDEN = List.of("okhttp3.", "okio.", "kotlin.", "com.fasterxml.jackson.",
      "io.github.resilience4j.");

  private PublicApiRules() {}

  /** Imports production classes only, whatever the build directory is called (see b4j.buildDir). */
  public static final com.tngtech.archunit.core.importer.ImportOption MAIN_CLASSES_ONLY =
      location -> !location.contains("/test-classes/");

  /** Imports the production classes of {@code packages}. */
  public static com.tngtech.archunit.core.domain.JavaClasses importMain(String... packages) {
    return new com.tngtech.archunit.core.importer.ClassFileImporter().withImportOption(MAIN_CLASSES_ONLY)
        .importPackages(packages);
  }

  /**
   * Checks every rule on the production classes of the module that contains {@code anchor} (its class folder or
   * jar only, which is much faster than a classpath scan).
   */
  public static void checkModuleOf(Class<?> anchor) {
    com.tngtech.archunit.core.domain.JavaClasses classes;
    try {
      classes = new com.tngtech.archunit.core.importer.ClassFileImporter().importPath(java.nio.file.Path.of(
          anchor.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    NO_THIRD_PARTY_TYPES_IN_PUBLIC_API.check(classes);
    ONLY_TRANSPORT_TOUCHES_OKHTTP.check(classes);
  }

  /** Public types outside internal packages expose no third-party type in any public or protected member. */
  public static final ArchRule NO_THIRD_PARTY_TYPES_IN_PUBLIC_API = classes()
      .that().arePublic().and().resideOutsideOfPackage("..internal..")
      .and().resideInAPackage("dev.backstage4j..")
      .should(exposeNoThirdPartyTypes())
      .as("public API exposes no OkHttp, Okio, Kotlin, Jackson or Resilience4j type");

  /** Only {@code HttpTransport} depends on OkHttp. */
  public static final ArchRule ONLY_TRANSPORT_TOUCHES_OKHTTP = noClasses()
      .that().resideInAPackage("dev.backstage4j..")
      .and().doNotHaveFullyQualifiedName("dev.backstage4j.core.internal.HttpTransport")
      .and().haveNameNotMatching("dev\\.backstage4j\\.core\\.internal\\.HttpTransport\\$.*")
      .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "okio..")
      .as("only dev.backstage4j.core.internal.HttpTransport touches OkHttp");

  private static ArchCondition<JavaClass> exposeNoThirdPartyTypes() {
    return new ArchCondition<>("expose no third-party types") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        c.getRawSuperclass().ifPresent(s -> report(c, "superclass", Set.of(s), events));
        report(c, "interfaces", Set.copyOf(c.getRawInterfaces()), events);
        for (JavaCodeUnit m : c.getCodeUnits()) {
          if (visible(m.getModifiers())) {
            report(c, m.getFullName() + " return", m.getReturnType().getAllInvolvedRawTypes(), events);
            m.getParameterTypes().forEach(p -> report(c, m.getFullName() + " parameter",
                p.getAllInvolvedRawTypes(), events));
            report(c, m.getFullName() + " throws", Set.copyOf(m.getThrowsClause().getTypes()), events);
          }
        }
        for (JavaField f : c.getFields()) {
          if (visible(f.getModifiers())) {
            report(c, f.getFullName(), f.getType().getAllInvolvedRawTypes(), events);
          }
        }
        c.getAnnotations().forEach(a -> report(c, "annotation", Set.of(a.getRawType()), events));
      }
    };
  }

  private static boolean visible(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static void report(JavaClass owner, String where, Set<JavaClass> types, ConditionEvents events) {
    for (JavaClass t : types) {
      String name = t.getName();
      if (FORBIDDEN.stream().anyMatch(name::startsWith)) {
        events.add(SimpleConditionEvent.violated(owner, owner.getName() + ": " + where + " exposes " + name));
      }
    }
  }
}
