package dev.backstage4j.core;

import java.util.function.Supplier;

/** The built-in {@link CredentialsProvider}s; their {@code toString()} never shows a token. */
final class Credentials {
  static final CredentialsProvider NONE = new CredentialsProvider() {
    @Override
    public String token() {
      return null;
    }

    @Override
    public String toString() {
      return "CredentialsProvider.none()";
    }
  };

  private Credentials() {}

  static final class Static implements CredentialsProvider {
    private final String token;

    Static(String token) {
      this.token = token;
    }

    @Override
    public String token() {
      return token;
    }

    @Override
    public String toString() {
      return "CredentialsProvider.staticToken(****)";
    }
  }

  static final class Refreshing implements CredentialsProvider {
    private final Supplier<String> supplier;
    private volatile String current;

    Refreshing(Supplier<String> supplier) {
      this.supplier = supplier;
    }

    @Override
    public String token() {
      String t = current;
      if (t == null) {
        synchronized (this) {
          if (current == null) {
            current = supplier.get();
          }
          t = current;
        }
      }
      return t;
    }

    @Override
    public synchronized String refresh() {
      current = supplier.get();
      return current;
    }

    @Override
    public String toString() {
      return "CredentialsProvider.refreshing(****)";
    }
  }
}
