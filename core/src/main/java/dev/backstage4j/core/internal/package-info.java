/**
 * Implementation shared by the backstage4j modules: the OkHttp transport, the JSON codec and paging plumbing.
 * Not API: anything here may change in any release.
 *
 * <p>Everything is non-null unless documented otherwise.
 */
package dev.backstage4j.core.internal;
