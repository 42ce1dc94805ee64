/**
 * Software templates written in Java: {@link dev.backstage4j.scaffolder.template.TemplateDefinition} builds a
 * {@code scaffolder.backstage.io/v1beta3} Template and writes it as {@code template.yaml};
 * {@link dev.backstage4j.scaffolder.template.TemplateValidator} checks a template before anything is sent.
 *
 * <pre>{@code
 * TemplateDefinition t = TemplateDefinition.builder()
 *     .name("hello-world").title("Hello World").owner("group:platform-team").type("service")
 *     .page(ParameterPage.builder("Basics")
 *         .property("name", Parameter.string().title("Name").pattern("^[a-z0-9-]+$"))
 *         .required("name"))
 *     .step(TemplateStep.builder("fetch", "fetch:template").name("Render skeleton")
 *         .input("url", "./skeleton").input("values", Map.of("name", "${{ parameters.name }}")))
 *     .outputLink("Repository", "https://example.com/${{ parameters.name }}")
 *     .build();
 * TemplateValidator.offline().check(t);
 * Files.writeString(Path.of("template.yaml"), t.toYaml());
 * }</pre>
 */
package dev.backstage4j.scaffolder.template;
