/**
 * Implementation of the scaffolder client: the client, its JSON shapes, file-system safety and template folders;
 * not API.
 */
package dev.backstage4j.scaffolder.internal;
