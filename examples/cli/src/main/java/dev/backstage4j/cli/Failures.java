package dev.backstage4j.cli;

import dev.backstage4j.adoption.ScorecardFileException;
import dev.backstage4j.catalog.model.CatalogYamlException;
import dev.backstage4j.catalog.model.InvalidEntityException;
import dev.backstage4j.core.AuthenticationException;
import dev.backstage4j.core.BackstageApiException;
import dev.backstage4j.core.BackstageException;
import dev.backstage4j.core.BackstageTransportException;
import dev.backstage4j.core.InputException;
import dev.backstage4j.core.NotAllowedException;
import dev.backstage4j.core.NotFoundException;
import dev.backstage4j.core.OutcomeUnknownException;
import dev.backstage4j.scaffolder.TemplateFileException;
import dev.backstage4j.scaffolder.UnsafePathException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/** Turns failures into one clear line on stderr and an exit code; details and stack traces only with --verbose. */
final class Failures {
  private Failures() {
  }

  /** The token for redaction; a broken context (the very error being reported, perhaps) yields none. */
  private static String knownToken(Cli cli) {
    try {
      return cli.effectiveToken();
    } catch (RuntimeException e) {
      return null;
    }
  }

  static int onError(Exception ex, Cli cli) {
    PrintWriter err = cli.err();
    if (ex instanceof CliException && ((CliException) ex).helpCommand() != null) {
      err.println("backstage4j: " + redact(ex.getMessage(), knownToken(cli)));
      err.println("Try '" + ((CliException) ex).helpCommand() + " --help'.");
      err.flush();
      return ExitCodes.USAGE;
    }
    int code = exitCode(ex);
    String message = redact(message(ex), knownToken(cli));
    if (ex instanceof NotFoundException && cli.embeddedInUse() && message.contains("/v2/tasks")) {
      message += " (the embedded Backstage lives for one command: a task started by an earlier command is gone;"
          + " use --follow on template run, or --url for a real backend)";
    }
    err.println("backstage4j: " + message);
    if (cli.verbose) {
      for (Throwable c = ex.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
        err.println("  caused by: " + redact(c.getClass().getSimpleName() + ": " + c.getMessage(),
            knownToken(cli)));
      }
      if (code == ExitCodes.INTERNAL) {
        java.io.StringWriter trace = new java.io.StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        err.print(redact(trace.toString(), knownToken(cli)));
      }
    } else if (code == ExitCodes.INTERNAL) {
      err.println("This is a bug in backstage4j; run again with --verbose for the stack trace.");
    } else if (code == ExitCodes.BACKSTAGE || ex instanceof InputException) {
      err.println("Run again with --verbose for details.");
    }
    err.flush();
    return code;
  }

  static int exitCode(Throwable ex) {
    if (ex instanceof CliException) {
      return ((CliException) ex).exitCode();
    }
    if (ex instanceof InvalidEntityException) {
      return ExitCodes.CHECK_FAILED;
    }
    if (ex instanceof TemplateFileException || ex instanceof UnsafePathException
        || ex instanceof ScorecardFileException || ex instanceof CatalogYamlException) {
      return ExitCodes.USAGE;
    }
    if (ex instanceof InputException) {
      return ExitCodes.USAGE;
    }
    if (ex instanceof NotFoundException) {
      return ExitCodes.NOT_FOUND;
    }
    if (ex instanceof BackstageException) {
      return ExitCodes.BACKSTAGE;
    }
    if (ex instanceof IllegalArgumentException || ex instanceof UncheckedIOException
        || ex instanceof IOException) {
      return ExitCodes.USAGE;
    }
    return ExitCodes.INTERNAL;
  }

  private static String message(Throwable ex) {
    Throwable t = ex instanceof UncheckedIOException ? ex.getCause() : ex;
    if (t instanceof NoSuchFileException) {
      return "no such file: " + t.getMessage();
    }
    if (t instanceof IOException) {
      return "cannot read or write a file: " + t.getMessage();
    }
    if (t instanceof AuthenticationException) {
      return t.getMessage() + " (check --token or BACKSTAGE_TOKEN)";
    }
    if (t instanceof NotAllowedException) {
      return t.getMessage() + " (the token is valid but not allowed to do this)";
    }
    if (t instanceof OutcomeUnknownException) {
      return outcomeUnknown(t.getMessage());
    }
    if (t instanceof BackstageTransportException) {
      return t.getMessage() + " (is --url right and the backend running?)";
    }
    if (t instanceof BackstageApiException || t instanceof CliException || t instanceof BackstageException) {
      return t.getMessage();
    }
    if (t instanceof IllegalArgumentException) {
      return t.getMessage();
    }
    return "internal error: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  /**
   * The library's hint names its Java API; a CLI user needs the command that checks whether the call took
   * effect, so the hint after the dash is replaced by one.
   */
  static String outcomeUnknown(String message) {
    int dash = message.indexOf(" — ");
    String what = dash < 0 ? message : message.substring(0, dash);
    String check;
    if (message.contains("POST /v2/tasks/") || message.contains("/cancel") || message.contains("/retry")) {
      check = "check with 'backstage4j task get TASK_ID' what state the task is in";
    } else if (message.contains("/v2/tasks")) {
      check = "check with 'backstage4j task list' (newest first) whether the task was created before running"
          + " the template again";
    } else if (message.contains("/locations")) {
      check = "check with 'backstage4j catalog query --filter kind=Location' whether the location is registered";
    } else {
      check = "check the result on the server before repeating the command";
    }
    return what + "; " + check;
  }

  /** Removes the token from a message, in case a server echoed it back. */
  static String redact(String text, String token) {
    if (text == null) {
      return "";
    }
    return token == null || token.isEmpty() ? text : text.replace(token, "***");
  }
}
