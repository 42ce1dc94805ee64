/** Delivery machinery of the analytics publisher. Not API. */
package dev.backstage4j.adoption.events.internal;
