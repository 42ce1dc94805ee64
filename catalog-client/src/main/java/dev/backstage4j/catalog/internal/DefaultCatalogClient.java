package dev.backstage4j.catalog.internal;

import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.CatalogEntities;
import dev.backstage4j.catalog.CatalogLocations;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.core.internal.HttpTransport;
import java.util.Objects;

/** The {@link CatalogClient} implementation: one transport ({@code backstage-catalog}) shared by both groups. */
public final class DefaultCatalogClient implements CatalogClient {
  private final HttpTransport transport;
  private final CatalogEntities entities;
  private final CatalogLocations locations;

  private DefaultCatalogClient(HttpTransport transport) {
    this.transport = transport;
    Calls calls = new Calls(transport);
    this.entities = new DefaultEntities(calls);
    this.locations = new DefaultLocations(calls);
  }

  /** Creates a client for {@code config}. */
  public static CatalogClient create(ClientConfig config) {
    return new DefaultCatalogClient(HttpTransport.create(config, "catalog"));
  }

  @Override
  public CatalogEntities entities() {
    return entities;
  }

  @Override
  public CatalogLocations locations() {
    return locations;
  }

  @Override
  public CatalogClient withCredentials(CredentialsProvider credentials) {
    return new DefaultCatalogClient(transport.withCredentials(Objects.requireNonNull(credentials, "credentials")));
  }

  @Override
  public ClientConfig config() {
    return transport.config();
  }

  @Override
  public void close() {
    transport.close();
  }

  @Override
  public String toString() {
    return "CatalogClient{" + transport.pluginUrl() + "}";
  }
}
