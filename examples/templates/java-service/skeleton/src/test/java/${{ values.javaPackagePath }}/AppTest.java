package ${{ values.javaPackage }};

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AppTest {
  @Test
  void greeting_namesTheService() {
    assertEquals("${{ values.name }} is running", App.greeting());
  }
}
