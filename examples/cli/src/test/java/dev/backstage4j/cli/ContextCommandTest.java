package dev.backstage4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.testkit.FakeBackstage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named backends: scripts switch between two real (testkit) backends by context, tokens never in the file. */
class ContextCommandTest {
  private static final String STAGING_TOKEN = "staging-token-7f3a91";
  private static final String PROD_TOKEN = "prod-token-2c8e44";
  private static FakeBackstage staging;
  private static FakeBackstage production;

  @TempDir
  Path tmp;

  @BeforeAll
  static void start() {
    staging = FakeBackstage.builder().token(STAGING_TOKEN).sampleCatalog().build().start();
    production = FakeBackstage.builder().token(PROD_TOKEN).build().start();  // an empty catalog
  }

  @AfterAll
  static void stop() {
    staging.close();
    production.close();
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("BACKSTAGE4J_CONFIG", tmp.resolve("config.yaml").toString());
    env.put("STAGING_TOKEN", STAGING_TOKEN);
    return env;
  }

  private CliRun cli(String... args) {
    CliRun r = CliRun.run(env(), args);
    for (String token : new String[] {STAGING_TOKEN, PROD_TOKEN}) {
      assertFalse(r.out.contains(token) || r.err.contains(token), "token printed: " + r);
    }
    return r;
  }

  private void defineBoth() throws Exception {
    // What a vault or gh call would do: print the token, which therefore appears in no command line or file.
    Path printer = tmp.resolve("print-prod-token.sh");
    Files.writeString(printer, "#!/bin/sh\nprintf %s " + PROD_TOKEN + "\n");
    assertEquals(ExitCodes.OK, cli("context", "set", "staging", "--context-url", staging.baseUrl().toString(),
        "--token-env", "STAGING_TOKEN").exitCode);
    assertEquals(ExitCodes.OK, cli("context", "set", "production", "--context-url", production.baseUrl().toString(),
        "--token-command", "sh " + printer).exitCode);
  }

  @Test
  void contexts_switchBackendsWithoutEnvironmentVariables() throws Exception {
    defineBoth();
    // The first context defined became the current one: staging has the sample organisation.
    assertEquals("staging", cli("context", "current").out.strip());
    assertEquals(ExitCodes.OK, cli("catalog", "get", "payments-service", "-q").exitCode);

    assertEquals(ExitCodes.OK, cli("context", "use", "production").exitCode);
    assertEquals(ExitCodes.NOT_FOUND, cli("catalog", "get", "payments-service").exitCode,
        "production's catalog is empty: the call went there, with its token from the command");

    CliRun once = cli("--context", "staging", "catalog", "get", "payments-service", "-o", "jsonpath=$.metadata.name");
    assertEquals("payments-service", once.out.strip(), once.toString());

    CliRun list = cli("context", "list", "-o", "json");
    assertTrue(list.out.contains("\"tokenFrom\" : \"$STAGING_TOKEN\""), list.out);
    String file = Files.readString(tmp.resolve("config.yaml"));
    assertTrue(file.contains("token-command: sh "), file);
    assertTrue(file.contains("current-context: production"), file);
    assertFalse(file.contains(STAGING_TOKEN) || file.contains(PROD_TOKEN), "no token in the file: " + file);
  }

  @Test
  void explicitUrlAndEnvironment_winOverTheCurrentContext() throws Exception {
    defineBoth();
    cli("context", "use", "production");
    Map<String, String> env = env();
    env.put("BACKSTAGE_URL", staging.baseUrl().toString());
    env.put("BACKSTAGE_TOKEN", STAGING_TOKEN);
    assertEquals(ExitCodes.OK, CliRun.run(env, "catalog", "get", "payments-service", "-q").exitCode,
        "$BACKSTAGE_URL wins over the current context, like kubectl's flags over its context");
  }

  @Test
  void aContextWhoseTokenVariableIsUnset_saysWhich() throws Exception {
    defineBoth();
    Map<String, String> env = env();
    env.remove("STAGING_TOKEN");
    CliRun r = CliRun.run(env, "--context", "staging", "catalog", "get", "payments-service");
    assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
    assertTrue(r.err.contains("takes its token from $STAGING_TOKEN, which is not set"), r.err);
  }
}
