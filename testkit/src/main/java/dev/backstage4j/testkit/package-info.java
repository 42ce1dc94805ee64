/**
 * An in-memory Backstage for tests and the embedded default: {@link dev.backstage4j.testkit.FakeBackstage} serves
 * the catalog and scaffolder REST APIs on a loopback port, and {@link dev.backstage4j.testkit.BackstageTest} wires
 * one into JUnit 5 tests.
 *
 * <pre>{@code
 * @BackstageTest
 * class OwnershipTest {
 *   @Test
 *   void readsTheSampleCatalog(FakeBackstage fake) { ... fake.baseUrl() ... fake.token() ... }
 * }
 * }</pre>
 *
 * <p>Parameters and return values are non-null unless documented.
 */
package dev.backstage4j.testkit;
