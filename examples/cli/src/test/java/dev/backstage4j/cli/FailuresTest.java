package dev.backstage4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FailuresTest {
  @Test
  void outcomeUnknown_namesACliCommandThatExists_notTheJavaApi() {
    String fromTransport = "POST /v2/tasks failed after the request may have reached localhost:7007 (unexpected end"
        + " of stream); it was not repeated because it is not safe to repeat — list your tasks (createdBy /"
        + " newest first) to see whether it was created";
    String shown = Failures.outcomeUnknown(fromTransport);
    assertTrue(shown.contains("'backstage4j task list'"), shown);
    assertFalse(shown.contains("createdBy"), shown);
    assertTrue(shown.startsWith("POST /v2/tasks failed after the request may have reached"), shown);

    String location = Failures.outcomeUnknown("POST /locations failed after ... — list locations"
        + " (catalog.locations().list()) to see whether it was registered");
    assertTrue(location.contains("'backstage4j catalog query --filter kind=Location'"), location);
    assertFalse(location.contains("catalog.locations()"), location);
    assertEquals(ExitCodes.BACKSTAGE, Failures.exitCode(new dev.backstage4j.core.OutcomeUnknownException("x", null)));
  }
}
