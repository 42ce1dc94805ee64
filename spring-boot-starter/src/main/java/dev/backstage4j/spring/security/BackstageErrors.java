package dev.backstage4j.spring.security;

import dev.backstage4j.core.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes Backstage's error envelope on a servlet response, for the security filter and entry point. */
final class BackstageErrors {
  private BackstageErrors() {}

  static void write(HttpServletRequest request, HttpServletResponse response, int status, String name,
      String message) throws IOException {
    Map<String, Object> body = ApiError.envelope(status, name, message, request.getMethod(),
        request.getRequestURI());
    byte[] bytes = dev.backstage4j.core.internal.JsonCodec.shared().write(body);
    response.setStatus(status);
    response.setContentType("application/json; charset=utf-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
