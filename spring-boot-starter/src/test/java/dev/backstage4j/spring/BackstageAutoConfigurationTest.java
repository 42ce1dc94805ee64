package dev.backstage4j.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.micrometer.BackstageClientMetrics;
import dev.backstage4j.plugin.PluginIdentity;
import dev.backstage4j.plugin.PluginRouter;
import dev.backstage4j.plugin.TokenVerifier;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import dev.backstage4j.micrometer.BackstageClientObservations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import java.util.concurrent.CopyOnWriteArrayList;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.ResponseCompression;
import dev.backstage4j.scaffolder.ScaffolderClient;
import dev.backstage4j.testkit.FakeBackstage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JacksonModule;

/** Each auto-configured bean with its condition on and off. */
class BackstageAutoConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(BackstageClientAutoConfiguration.class,
          BackstageMetricsAutoConfiguration.class, BackstageObservationAutoConfiguration.class,
          BackstageHealthAutoConfiguration.class, BackstagePluginAutoConfiguration.class,
          BackstageJacksonAutoConfiguration.class, BackstageTestkitAutoConfiguration.class));

  @Test
  void noBaseUrl_noClients() {
    runner.run(ctx -> {
      assertThat(ctx).hasNotFailed();
      assertThat(ctx).doesNotHaveBean(BackstageConnectionDetails.class);
      assertThat(ctx).doesNotHaveBean(ClientConfig.class);
      assertThat(ctx).doesNotHaveBean(CatalogClient.class);
      assertThat(ctx).doesNotHaveBean(ScaffolderClient.class);
      assertThat(ctx).doesNotHaveBean(BackstageHealthIndicator.class);
    });
  }

  @Test
  void properties_areBoundIntoTheClientConfig() {
    runner.withPropertyValues("backstage.base-url=http://backstage.internal:7007/", "backstage.token=s3cret-token",
        "backstage.application-name=orders", "backstage.connect-timeout=3s", "backstage.read-timeout=45s",
        "backstage.call-timeout=0", "backstage.compression=none", "backstage.retry.max-retries=1",
        "backstage.retry.initial-backoff=50ms", "backstage.retry.max-backoff=1s",
        "backstage.proxy.host=proxy.internal", "backstage.proxy.port=3128").run(ctx -> {
          ClientConfig config = ctx.getBean(ClientConfig.class);
          assertThat(config.baseUrl()).isEqualTo(URI.create("http://backstage.internal:7007"));
          assertThat(config.credentials().token()).isEqualTo("s3cret-token");
          assertThat(config.applicationName()).contains("orders");
          assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
          assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(45));
          assertThat(config.callTimeout()).isEqualTo(Duration.ZERO);
          assertThat(config.compression()).isEqualTo(ResponseCompression.NONE);
          assertThat(config.retry().maxRetries()).isEqualTo(1);
          assertThat(config.retry().initialBackoff()).isEqualTo(Duration.ofMillis(50));
          assertThat(config.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(1));
          InetSocketAddress proxy = (InetSocketAddress) config.proxy().orElseThrow().address();
          assertThat(proxy.getHostString()).isEqualTo("proxy.internal");
          assertThat(proxy.getPort()).isEqualTo(3128);
          assertThat(ctx).hasSingleBean(CatalogClient.class).hasSingleBean(ScaffolderClient.class);
          assertThat(ctx.getBean(BackstageConnectionDetails.class).toString()).doesNotContain("s3cret-token");
        });
  }

  @Test
  void unsetProperties_keepTheSdkDefaults() {
    runner.withPropertyValues("backstage.base-url=http://localhost:7007").run(ctx -> {
      ClientConfig config = ctx.getBean(ClientConfig.class);
      ClientConfig defaults = ClientConfig.builder().baseUrl("http://localhost:7007").build();
      assertThat(config.connectTimeout()).isEqualTo(defaults.connectTimeout());
      assertThat(config.readTimeout()).isEqualTo(defaults.readTimeout());
      assertThat(config.retry()).isEqualTo(defaults.retry());
      assertThat(config.proxy()).isEmpty();
    });
  }

  @Test
  void proxyHostWithoutPort_failsNamingTheProperty() {
    runner.withPropertyValues("backstage.base-url=http://localhost:7007", "backstage.proxy.host=proxy")
        .run(ctx -> assertThat(ctx).getFailure().rootCause()
            .hasMessageContaining("backstage.proxy.port is required"));
  }

  @Test
  void unknownSslBundle_failsNamingTheProperty() {
    runner.withPropertyValues("backstage.base-url=https://localhost:7007", "backstage.ssl.bundle=corp")
        .run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("backstage.ssl.bundle=corp"));
  }

  @Test
  void userBeans_replaceTheAutoConfiguredOnes() {
    ClientConfig own = ClientConfig.builder().baseUrl("http://own:7007").build();
    CatalogClient ownCatalog = CatalogClient.builder().config(own).build();
    runner.withPropertyValues("backstage.base-url=http://localhost:7007")
        .withBean(ClientConfig.class, () -> own)
        .withBean(CatalogClient.class, () -> ownCatalog)
        .run(ctx -> {
          assertThat(ctx.getBean(ClientConfig.class)).isSameAs(own);
          assertThat(ctx.getBean(CatalogClient.class)).isSameAs(ownCatalog);
          assertThat(ctx).hasSingleBean(ScaffolderClient.class);
        });
  }

  @Test
  void customizers_runAfterTheProperties() {
    runner.withPropertyValues("backstage.base-url=http://localhost:7007", "backstage.token=from-properties")
        .withBean(ClientConfigCustomizer.class, () -> b -> b.token("from-customizer"))
        .run(ctx -> assertThat(ctx.getBean(ClientConfig.class).credentials().token())
            .isEqualTo("from-customizer"));
  }

  @Test
  void observations_needAnObservationRegistry_andTraceContextReachesBackstage() throws Exception {
    runner.withPropertyValues("backstage.base-url=http://localhost:7007").run(ctx ->
        assertThat(ctx).doesNotHaveBean(BackstageClientObservations.class));
    ObservationRegistry registry = ObservationRegistry.create();
    List<String> stopped = new CopyOnWriteArrayList<>();
    registry.observationConfig().observationHandler(new ObservationHandler<SenderContext<Object>>() {
      @Override
      public void onStart(SenderContext<Object> context) {
        context.getSetter().set(context.getCarrier(), "traceparent",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
      }

      @Override
      public void onStop(SenderContext<Object> context) {
        stopped.add(context.getName() + " " + context.getLowCardinalityKeyValue("status").getValue());
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return context instanceof SenderContext;
      }
    });
    List<String> traceparents = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      traceparents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
      byte[] notFound = "{\"error\":{\"name\":\"NotFoundError\",\"message\":\"no x\"},\"response\":{\"statusCode\":404}}"
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(404, notFound.length);
      exchange.getResponseBody().write(notFound);
      exchange.close();
    });
    server.start();
    try {
      runner.withPropertyValues("backstage.base-url=http://127.0.0.1:" + server.getAddress().getPort(),
              "backstage.token=abcdefgh123")
          .withBean(ObservationRegistry.class, () -> registry)
          .run(ctx -> {
            assertThat(ctx).hasSingleBean(BackstageClientObservations.class);
            ctx.getBean(CatalogClient.class).entities().find(EntityRef.parse("component:default/x"));
          });
      assertThat(traceparents).containsExactly("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
      assertThat(stopped).containsExactly("backstage.client.requests 404");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void plugin_needsItsIdTheClientsAndThePluginModule() {
    runner.withPropertyValues("backstage.base-url=http://localhost:7007").run(ctx -> {
      assertThat(ctx).doesNotHaveBean(PluginIdentity.class).doesNotHaveBean(PluginRouter.class);
      assertThat(ctx.getBean(CatalogClient.class)).isNotNull();
    });
    runner.withPropertyValues("backstage.plugin.id=javatools").run(ctx ->
        assertThat(ctx).hasNotFailed().doesNotHaveBean(PluginRouter.class));
    runner.withPropertyValues("backstage.base-url=http://localhost:7007", "backstage.plugin.id=javatools")
        .run(ctx -> {
          assertThat(ctx.getBean(PluginIdentity.class).pluginId()).isEqualTo("javatools");
          assertThat(ctx).hasSingleBean(TokenVerifier.class).hasSingleBean(PluginRouter.class);
          assertThat(ctx).doesNotHaveBean(ServletRegistrationBean.class);  // not a servlet web application
        });
    runner.withClassLoader(new FilteredClassLoader(PluginRouter.class))
        .withPropertyValues("backstage.base-url=http://localhost:7007", "backstage.plugin.id=javatools")
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean("backstagePluginIdentity"));
    runner.withPropertyValues("backstage.base-url=http://localhost:7007", "backstage.plugin.id=javatools",
        "backstage.plugin.keys.key-id=k1").run(ctx -> assertThat(ctx).getFailure().rootCause()
            .hasMessageContaining("backstage.plugin.keys needs private-key-file, public-key-file and key-id"));
  }

  @Test
  void pluginKeys_fromPemFiles(@TempDir Path dir) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = g.generateKeyPair();
    Base64.Encoder b64 = Base64.getMimeEncoder();
    Path privateKey = Files.writeString(dir.resolve("private.pem"), "-----BEGIN PRIVATE KEY-----\n"
        + b64.encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    Path publicKey = Files.writeString(dir.resolve("public.pem"), "-----BEGIN PUBLIC KEY-----\n"
        + b64.encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
    runner.withPropertyValues("backstage.base-url=http://localhost:7007", "backstage.plugin.id=javatools",
        "backstage.plugin.keys.private-key-file=" + privateKey, "backstage.plugin.keys.public-key-file=" + publicKey,
        "backstage.plugin.keys.key-id=javatools-1").run(ctx ->
            assertThat(ctx.getBean(PluginIdentity.class).jwksJson()).contains("\"kid\":\"javatools-1\""));
  }

  @Test
  void discoveryEndpoints_routePluginsAsBackstageDoes() {
    runner.withPropertyValues("backstage.base-url=http://backstage:7007",
        "backstage.discovery.endpoints[0].target=http://javatools:8080/api/{{pluginId}}",
        "backstage.discovery.endpoints[0].plugins=javatools,other").run(ctx -> {
          ClientConfig config = ctx.getBean(ClientConfig.class);
          assertThat(config.discovery().baseUrl("javatools")).isEqualTo(URI.create("http://javatools:8080/api/javatools"));
          assertThat(config.discovery().baseUrl("catalog")).isEqualTo(URI.create("http://backstage:7007/api/catalog"));
        });
    runner.withPropertyValues("backstage.base-url=http://backstage:7007",
        "backstage.discovery.endpoints[0].target=http://javatools:8080/api/{{pluginId}}").run(ctx ->
            assertThat(ctx).getFailure().rootCause().hasMessageContaining("endpoints[0] needs a target and plugins"));
  }

  @Test
  void metrics_needARegistry() {
    runner.withPropertyValues("backstage.base-url=http://localhost:7007").run(ctx ->
        assertThat(ctx).doesNotHaveBean(BackstageClientMetrics.class));
    runner.withPropertyValues("backstage.base-url=http://localhost:7007")
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(ctx -> assertThat(ctx).hasSingleBean(BackstageClientMetrics.class));
    runner.withClassLoader(new FilteredClassLoader(BackstageClientMetrics.class))
        .withPropertyValues("backstage.base-url=http://localhost:7007")
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(ctx -> {
          assertThat(ctx).hasNotFailed().hasSingleBean(CatalogClient.class);
          assertThat(ctx).doesNotHaveBean(BackstageClientMetrics.class);
        });
  }

  @Test
  void health_canBeSwitchedOffOrMissing() {
    runner.withPropertyValues("backstage.base-url=http://localhost:7007")
        .run(ctx -> assertThat(ctx).hasBean("backstageHealthIndicator"));
    runner.withPropertyValues("backstage.base-url=http://localhost:7007", "management.health.backstage.enabled=false")
        .run(ctx -> assertThat(ctx).doesNotHaveBean(BackstageHealthIndicator.class));
    runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .withPropertyValues("backstage.base-url=http://localhost:7007")
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(BackstageHealthIndicator.class));
  }

  @Test
  void jacksonModule_onlyWithJackson3() {
    runner.run(ctx -> assertThat(ctx).hasSingleBean(BackstageJacksonModule.class));
    runner.withClassLoader(new FilteredClassLoader(JacksonModule.class))
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(BackstageJacksonModule.class));
  }

  @Test
  void fakeBackstageBean_becomesTheBackend() {
    runner.withBean(FakeBackstage.class, () -> FakeBackstage.builder().sampleCatalog().build()).run(ctx -> {
      FakeBackstage fake = ctx.getBean(FakeBackstage.class);
      ClientConfig config = ctx.getBean(ClientConfig.class);
      assertThat(config.baseUrl()).isEqualTo(fake.baseUrl());
      assertThat(ctx.getBean(CatalogClient.class).entities().find(
          dev.backstage4j.catalog.model.EntityRef.parse("component:storefront-web"))).isPresent();
    });
    runner.withClassLoader(new FilteredClassLoader(FakeBackstage.class))
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(ClientConfig.class));
  }

  @Test
  void propertiesWin_overNothingButLoseToAFake() {
    runner.withPropertyValues("backstage.base-url=http://localhost:1")
        .withBean(FakeBackstage.class, () -> FakeBackstage.builder().build())
        .run(ctx -> assertThat(ctx.getBean(ClientConfig.class).baseUrl())
            .isEqualTo(ctx.getBean(FakeBackstage.class).baseUrl()));
  }
}
