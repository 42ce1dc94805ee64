/**
 * Implementation of the catalog client: the HTTP calls, JSON mapping and paging behind
 * {@link dev.backstage4j.catalog.CatalogClient}. Not API: may change in any release.
 */
package dev.backstage4j.catalog.internal;
