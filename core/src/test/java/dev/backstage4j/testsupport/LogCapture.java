package dev.backstage4j.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Captures every log line of backstage4j at TRACE while open, so tests can assert what was and was not logged
 * (in particular: that no token ever is). Uses Logback as a test-only SLF4J binding.
 */
public final class LogCapture implements AutoCloseable {
  private final Logger logger;
  private final Level previous;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture(String loggerName) {
    this.logger = (Logger) LoggerFactory.getLogger(loggerName);
    this.previous = logger.getLevel();
    logger.setLevel(Level.TRACE);
    appender.start();
    logger.addAppender(appender);
  }

  /** Starts capturing everything under {@code dev.backstage4j} at TRACE. */
  public static LogCapture start() {
    return new LogCapture("dev.backstage4j");
  }

  /** Returns the formatted lines captured so far, including any exception text. */
  public synchronized List<String> lines() {
    return appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()
        + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage()))
        .collect(Collectors.toList());
  }

  /** Returns all captured text as one string. */
  public String text() {
    return String.join("\n", lines());
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previous);
  }
}
