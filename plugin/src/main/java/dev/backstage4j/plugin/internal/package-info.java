/**
 * Token verification internals (Nimbus JOSE+JWT wiring, key caching); not API, may change without notice.
 */
package dev.backstage4j.plugin.internal;
