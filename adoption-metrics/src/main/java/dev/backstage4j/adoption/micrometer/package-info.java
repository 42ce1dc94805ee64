/**
 * Micrometer bindings of adoption data: scorecard and KPI gauges
 * ({@link dev.backstage4j.adoption.micrometer.AdoptionMeterBinder}) and analytics event counters
 * ({@link dev.backstage4j.adoption.micrometer.MicrometerEventSink}). Micrometer then exports to Prometheus, OTLP and
 * the rest. Micrometer is an optional dependency: add {@code micrometer-core} to use this package. The clients' own
 * HTTP metrics are in the {@code backstage4j-micrometer} module.
 *
 * <p>Everything is non-null unless documented otherwise.
 */
package dev.backstage4j.adoption.micrometer;
