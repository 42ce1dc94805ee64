/**
 * Micrometer bindings: the SDK's client metrics ({@link dev.backstage4j.adoption.micrometer.BackstageClientMetrics})
 * and analytics event counters ({@link dev.backstage4j.adoption.micrometer.MicrometerEventSink}). Micrometer then
 * exports to Prometheus, OTLP and the rest. Micrometer is an optional dependency: add {@code micrometer-core} to use
 * this package.
 *
 * <p>Everything is non-null unless documented otherwise.
 */
package dev.backstage4j.adoption.micrometer;
