package dev.backstage4j.plugin;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link RouterContract} on {@link PluginServer}, the JDK HTTP server adapter, under {@code /api/javatest}. */
class JdkServerRouterTest extends RouterContract {
  private static PluginServer server;

  @BeforeAll
  static void start() throws Exception {
    server = PluginServer.start(router(), new InetSocketAddress("127.0.0.1", 0), "/api/javatest", 4);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Override
  String base() {
    return "http://127.0.0.1:" + server.port() + "/api/javatest";
  }
}
