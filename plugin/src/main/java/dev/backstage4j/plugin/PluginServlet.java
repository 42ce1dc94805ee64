package dev.backstage4j.plugin;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Serves a {@link PluginRouter} from any jakarta.servlet 6 container (Tomcat, Jetty, Spring MVC's embedded
 * server). Map it to the plugin's base path with a wildcard, e.g. {@code /api/javatools/*}; the path after the
 * mapping is the route path. Needs {@code jakarta.servlet-api} on the classpath (the container provides it).
 *
 * <pre>{@code
 * Tomcat / Jetty:  context.addServlet(new PluginServlet(router), "/api/javatools/*");
 * Spring Boot:     new ServletRegistrationBean<>(new PluginServlet(router), "/api/javatools/*")
 * }</pre>
 */
public class PluginServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient PluginRouter router;

  /**
   * Creates the servlet.
   *
   * @param router the plugin's routes
   */
  public PluginServlet(PluginRouter router) {
    this.router = Objects.requireNonNull(router, "router");
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    // The raw (still percent-encoded) path after the context and servlet mapping, like the JDK adapter's.
    String uri = req.getRequestURI();
    int prefix = Math.min(uri.length(), req.getContextPath().length() + req.getServletPath().length());
    String path = uri.substring(prefix);
    String method = req.getMethod();
    byte[] body = PluginRouter.readBody(req.getInputStream(), router.maxBodyBytes());
    PluginResponse response = body == null ? router.tooLarge(method, path)
        : router.handle(method, path, req.getQueryString(), headers(req), body);
    resp.setStatus(response.status());
    if (response.contentType() != null) {
      resp.setContentType(response.contentType());
    }
    if (response.body().length > 0 && !"HEAD".equalsIgnoreCase(method)) {
      resp.setContentLength(response.body().length);
      resp.getOutputStream().write(response.body());
    }
  }

  private static Map<String, List<String>> headers(HttpServletRequest req) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (String name : Collections.list(req.getHeaderNames())) {
      result.put(name, new ArrayList<>(Collections.list(req.getHeaders(name))));
    }
    return result;
  }
}
