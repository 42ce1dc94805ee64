package dev.backstage4j.core;

/**
 * Whether responses are requested gzip-compressed ({@code Accept-Encoding: gzip}).
 *
 * <p>Compression is a trade-off, not a free win: measured on a real Backstage backend on loopback, reading the
 * whole 20,000-entity catalog took 0.34 s uncompressed (19.3 MiB) and 2.5 s compressed (1.4 MiB), because the
 * server spends about 2 s gzipping. Over a slow WAN link the smaller transfer wins. {@link #AUTO}, the default,
 * asks for gzip only when the backend is not on this machine or a private network.
 */
public enum ResponseCompression {
  /** Gzip unless the backend's host is a loopback, link-local or site-local (private) address or name. */
  AUTO,
  /** Always ask for gzip. */
  GZIP,
  /** Never ask for gzip ({@code Accept-Encoding: identity}). */
  NONE
}
