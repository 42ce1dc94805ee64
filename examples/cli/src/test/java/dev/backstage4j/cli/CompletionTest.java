package dev.backstage4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The generated completion script, loaded into a real bash (and zsh where installed), completes as a user types. */
class CompletionTest {
  @TempDir
  static Path tmp;

  private static Path script(String shell) throws Exception {
    CliRun r = CliRun.run("completion", shell);
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    Path file = tmp.resolve("b4j." + shell);
    Files.writeString(file, r.out);
    return file;
  }

  /** Runs _backstage4j in bash as the shell would for the typed words, and returns COMPREPLY. */
  private static String complete(Path script, String line) throws Exception {
    String program = "source '" + script + "'\n"
        + "COMP_WORDS=(" + line + ")\n"
        + (line.endsWith(" ") ? "COMP_WORDS+=('')\n" : "")
        + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
        + "_backstage4j\n"
        + "echo \"${COMPREPLY[*]}\"\n";
    Process p = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "backstage4j cat|catalog",
      "backstage4j catalog qu|query",
      "backstage4j --url http://localhost:7007 catalog q|query",
      "backstage4j catalog query --page|--page-size",
      "backstage4j template run --fol|--follow",
      "backstage4j -o j|json jsonpath=",
      "backstage4j catalog get x --no-h|--no-headers",
      "backstage4j completion z|zsh",
  })
  void bashCompletesCommandsOptionsAndFormats(String typed, String expected) throws Exception {
    assertEquals(expected, complete(script("bash"), typed));
  }

  @Test
  void everyGroupIsOffered() throws Exception {
    assertEquals("catalog template task adoption context completion", complete(script("bash"), "backstage4j "));
  }

  @Test
  void zshLoadsTheSameScriptThroughBashcompinit() throws Exception {
    Path zsh = script("zsh");
    assertTrue(Files.readString(zsh).startsWith("#compdef backstage4j b4j\n"));
    assertTrue(Files.readString(zsh).contains("\nautoload -U +X bashcompinit && bashcompinit\n"));
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/zsh")) || Files.isExecutable(Path.of("/bin/zsh")),
        "zsh is not installed here; its script is the bash one behind bashcompinit (checked by hand with zsh 5.9)");
    // A clean zsh (no rc files), as a new user's: the script must set up the completion system itself.
    Process p = new ProcessBuilder("zsh", "-f", "-c", "source '" + zsh + "'; print -r -- \"$_comps[backstage4j]\"")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertTrue(out.contains("_backstage4j") || out.contains("_bash_complete"), "registered for backstage4j: " + out);
  }
}
