package dev.backstage4j.spring;

import dev.backstage4j.core.CredentialsProvider;
import java.net.URI;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the Backstage backend is and how to authenticate to it. Taken from {@code backstage.base-url} and
 * {@code backstage.token} unless another bean provides it; in tests a {@code FakeBackstage} bean does (see
 * {@link BackstageTestkitAutoConfiguration}), like Boot's {@code @ServiceConnection}.
 */
public interface BackstageConnectionDetails extends ConnectionDetails {

  /**
   * Returns the backend's root URL, e.g. {@code http://backstage:7007}.
   *
   * @return the root URL
   */
  URI baseUrl();

  /**
   * Returns where tokens come from.
   *
   * @return the credentials
   */
  CredentialsProvider credentials();
}
