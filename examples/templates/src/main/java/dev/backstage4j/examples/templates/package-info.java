/**
 * Software templates written in Java. {@link dev.backstage4j.examples.templates.JavaServiceTemplate} defines
 * the {@code java-service} template; its {@code main} writes {@code java-service/template.yaml}.
 */
package dev.backstage4j.examples.templates;
