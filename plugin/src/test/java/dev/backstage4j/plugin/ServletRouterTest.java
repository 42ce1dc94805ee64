package dev.backstage4j.plugin;

import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link RouterContract} on {@link PluginServlet} in an embedded Tomcat, mapped to {@code /api/javatest/*}. */
class ServletRouterTest extends RouterContract {
  private static Tomcat tomcat;

  @BeforeAll
  static void start() throws Exception {
    tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", null);
    Tomcat.addServlet(context, "plugin", new PluginServlet(router()));
    context.addServletMappingDecoded("/api/javatest/*", "plugin");
    tomcat.start();
  }

  @AfterAll
  static void stop() throws Exception {
    tomcat.stop();
    tomcat.destroy();
  }

  @Override
  String base() {
    return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/api/javatest";
  }
}
