package dev.backstage4j.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backstage4j.core.ApiError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one error-envelope writer and the parser agree, and the writer keeps Backstage's shape and key order. */
class ErrorBodiesTest {
  @Test
  void envelope_isBackstagesShape_andParsesBack() {
    String json = JsonCodec.shared().writeString(ApiError.envelope(404, "NotFoundError", "no such action",
        "POST", "/api/javatools/.backstage/actions/v1/actions/x/invoke"));
    assertEquals("{\"error\":{\"name\":\"NotFoundError\",\"message\":\"no such action\"},\"request\":{\"method\":"
        + "\"POST\",\"url\":\"/api/javatools/.backstage/actions/v1/actions/x/invoke\"},\"response\":"
        + "{\"statusCode\":404}}", json);
    ApiError parsed = ErrorBodies.parse(404, json.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("NotFoundError", "no such action", 404),
        List.of(parsed.name(), parsed.message(), parsed.statusCode()));
  }
}
