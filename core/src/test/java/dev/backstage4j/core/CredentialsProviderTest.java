package dev.backstage4j.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CredentialsProviderTest {

  @Test
  void anUnsetTokenVariable_isAClearIllegalArgument_notABareNullPointer() {
    IllegalArgumentException unset = assertThrows(IllegalArgumentException.class,
        () -> CredentialsProvider.staticToken(System.getenv("B4J_SURELY_UNSET_VARIABLE")));
    assertTrue(unset.getMessage().contains("the token is null") && unset.getMessage().contains("BACKSTAGE_TOKEN")
        && unset.getMessage().contains("CredentialsProvider.none()"), unset.getMessage());
    IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
        () -> CredentialsProvider.staticToken("  "));
    assertTrue(blank.getMessage().contains("the token is blank"), blank.getMessage());
  }
}
