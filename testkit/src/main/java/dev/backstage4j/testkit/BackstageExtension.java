package dev.backstage4j.testkit;

import dev.backstage4j.core.CredentialsProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link FakeBackstage} for a test class; applied by {@link BackstageTest}. The fake is started lazily on
 * first use, shared by the class's tests and stopped when the class finishes (it lives in the class's JUnit
 * store).
 */
public final class BackstageExtension implements ParameterResolver, BeforeEachCallback {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BackstageExtension.class);
  private static final String CATALOG_CLIENT = "dev.backstage4j.catalog.CatalogClient";
  private static final String SCAFFOLDER_CLIENT = "dev.backstage4j.scaffolder.ScaffolderClient";

  /** Creates the extension; JUnit calls this. */
  public BackstageExtension() {
  }

  /** Clears injected faults so one test's faults do not leak into the next. */
  @Override
  public void beforeEach(ExtensionContext context) {
    fake(context).faults().clear();
  }

  /** {@return whether the parameter is a FakeBackstage, CatalogClient or ScaffolderClient} */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FakeBackstage.class || type.getName().equals(CATALOG_CLIENT)
        || type.getName().equals(SCAFFOLDER_CLIENT);
  }

  /** {@return the class's fake, or a client configured with its URL and token} */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    FakeBackstage fake = fake(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == FakeBackstage.class) {
      return fake;
    }
    return client(type, fake);
  }

  private static FakeBackstage fake(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    Class<?> testClass = classContext.getRequiredTestClass();
    return classContext.getStore(NS).getOrComputeIfAbsent(FakeBackstage.class, k -> {
      BackstageTest cfg = testClass.getAnnotation(BackstageTest.class);
      FakeBackstage.Builder b = FakeBackstage.builder();
      if (cfg == null || cfg.sampleCatalog()) {
        b.sampleCatalog();
      }
      if (cfg != null) {
        for (String r : cfg.catalogResources()) {
          b.catalogResource(r);
        }
      }
      return new Closer(b.build().start());
    }, Closer.class).fake;
  }

  /** Builds a client reflectively so the testkit does not force both client modules onto users. */
  private static Object client(Class<?> type, FakeBackstage fake) {
    URI url = fake.baseUrl();
    CredentialsProvider creds = CredentialsProvider.staticToken(fake.token());
    try {
      Method create = type.getMethod("create", URI.class, CredentialsProvider.class);
      return create.invoke(null, url, creds);
    } catch (NoSuchMethodException e) {
      throw new ParameterResolutionException(type.getName() + " has no static create(URI, CredentialsProvider)", e);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new ParameterResolutionException("Could not create " + type.getSimpleName() + " for FakeBackstage", e);
    }
  }

  /** Stops the fake when JUnit closes the class store. */
  private static final class Closer implements ExtensionContext.Store.CloseableResource {
    final FakeBackstage fake;

    Closer(FakeBackstage fake) {
      this.fake = fake;
    }

    @Override
    public void close() {
      fake.stop();
    }
  }
}
