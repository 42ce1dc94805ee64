package dev.backstage4j.scaffolder;

import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A MockWebServer started before and shut down after each test, with a scaffolder client pointed at it. */
final class MockServer implements BeforeEachCallback, AfterEachCallback {
  private MockWebServer server;
  private ScaffolderClient client;

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    server = new MockWebServer();
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    client = Fixtures.client(server);
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    server.shutdown();
  }

  MockWebServer server() {
    return server;
  }

  ScaffolderClient client() {
    return client;
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  RecordedRequest take() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }
}
