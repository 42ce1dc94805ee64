/** Implementation details of the scaffolder client (file-system safety, template folders); not API. */
package dev.backstage4j.scaffolder.internal;
