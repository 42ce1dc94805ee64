/**
 * Implementation of the testkit: HTTP server, entity store, filter engine, scaffolder task runner. Not API: may
 * change in any release.
 */
package dev.backstage4j.testkit.internal;
