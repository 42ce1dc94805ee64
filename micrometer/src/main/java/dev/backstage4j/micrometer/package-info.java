/**
 * The SDK's client metrics in Micrometer ({@link dev.backstage4j.micrometer.BackstageClientMetrics}): requests,
 * retries and circuit-breaker state of every backstage4j client, exported by whatever registry the application
 * runs (Prometheus, OTLP, ...). A small module of its own, so a catalog-only user adds metrics without the
 * adoption-metrics module.
 *
 * <p>Everything is non-null unless documented otherwise.
 */
package dev.backstage4j.micrometer;
