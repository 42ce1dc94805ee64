/**
 * Implementation details of the entity model: tree copying, JSON-schema checks, YAML plumbing.
 *
 * <p>Not API: may change in any release. Non-null unless documented.
 */
package dev.backstage4j.catalog.model.internal;
