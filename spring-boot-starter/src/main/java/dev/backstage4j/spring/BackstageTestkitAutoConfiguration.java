package dev.backstage4j.spring;

import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.testkit.FakeBackstage;
import java.net.URI;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Points the auto-configured clients at a {@link FakeBackstage} bean, the way Boot's {@code @ServiceConnection}
 * points them at a container: declare the fake as a bean in a test configuration (or put
 * {@link AutoConfigureFakeBackstage} on the test) and {@code backstage.base-url}/{@code backstage.token} are not
 * needed. The fake is started if it is not yet, and stopped with the context.
 */
@AutoConfiguration(before = BackstageClientAutoConfiguration.class)
@ConditionalOnClass(FakeBackstage.class)
public class BackstageTestkitAutoConfiguration {

  /** Connection details of the fake. */
  @Bean
  @ConditionalOnMissingBean(BackstageConnectionDetails.class)
  @ConditionalOnBean(FakeBackstage.class)
  BackstageConnectionDetails fakeBackstageConnectionDetails(FakeBackstage fake) {
    return new FakeConnectionDetails(fake);
  }

  /** The fake's URL and token, read when the client config is built (after the fake started). */
  static final class FakeConnectionDetails implements BackstageConnectionDetails {
    private final FakeBackstage fake;

    FakeConnectionDetails(FakeBackstage fake) {
      this.fake = fake;
    }

    @Override
    public URI baseUrl() {
      try {
        return fake.baseUrl();
      } catch (IllegalStateException notStarted) {
        return fake.start().baseUrl();
      }
    }

    @Override
    public CredentialsProvider credentials() {
      return CredentialsProvider.staticToken(fake.token());
    }

    @Override
    public String toString() {
      return "BackstageConnectionDetails{" + fake + "}";
    }
  }
}
