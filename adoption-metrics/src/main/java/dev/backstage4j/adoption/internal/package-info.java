/**
 * Holds implementation details of the adoption metrics: not API, may change in any release.
 */
package dev.backstage4j.adoption.internal;
