package dev.backstage4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.model.EntityValidator;
import dev.backstage4j.catalog.model.ValidationResult;
import dev.backstage4j.catalog.model.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code POST /validate-entity}: the server's verdict on valid and invalid entities, and the offline
 * {@link EntityValidator} agreeing with it on every entity this suite submits.
 */
abstract class CatalogValidationContract {

    static final String LOCATION = "url:https://git.tinyshop.example/contract/catalog-info.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private CatalogClient catalog;

    @BeforeEach
    void bindTarget(ContractTarget target) {
        catalog = Contracts.catalog(target);
    }

    private static Map<String, Object> yaml(String text) {
        try {
            return YAML.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static Map<String, Object> component(String metadata, String spec) {
        return yaml("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n" + metadata + "\nspec:\n" + spec);
    }

    private static final String GOOD_SPEC = "  type: service\n  lifecycle: production\n  owner: group:default/web-team";

    private static Map<String, Object> sample(String file) {
        return file(Contracts.sampleDir().resolve(file));
    }

    private static Map<String, Object> file(java.nio.file.Path path) {
        try {
            return YAML.readValue(path.toFile(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutSteps(Map<String, Object> template) {
        ((Map<String, Object>) template.get("spec")).remove("steps");
        return template;
    }

    /** Every entity the suite submits: a name, the entity, and whether it is valid. */
    static Stream<Arguments> entities() {
        return Stream.of(
                Arguments.of("valid component", component("  name: contract-valid", GOOD_SPEC), true),
                Arguments.of("valid component with tags, labels, links", component(String.join("\n",
                        "  name: contract-rich", "  namespace: finance", "  title: Rich",
                        "  tags: [java, grpc]", "  labels:", "    tier: backend",
                        "  annotations:", "    backstage.io/techdocs-ref: dir:.",
                        "  links:", "    - url: https://example.com", "      title: Home"), GOOD_SPEC), true),
                Arguments.of("valid user", yaml("apiVersion: backstage.io/v1alpha1\nkind: User\n"
                        + "metadata:\n  name: contract-user\nspec:\n  memberOf: [web-team]"), true),
                Arguments.of("valid group", yaml("apiVersion: backstage.io/v1alpha1\nkind: Group\n"
                        + "metadata:\n  name: contract-group\nspec:\n  type: team\n  children: []"), true),
                Arguments.of("sample template create-service", sample("templates/create-service/template.yaml"), true),
                Arguments.of("sample template docs-site", sample("templates/docs-site/template.yaml"), true),
                Arguments.of("template written in Java (examples/templates)",
                        file(Contracts.javaServiceTemplateDir().resolve("template.yaml")), true),
                Arguments.of("template without steps", withoutSteps(sample("templates/docs-site/template.yaml")),
                        false),
                Arguments.of("invalid name", component("  name: Not Valid!", GOOD_SPEC), false),
                Arguments.of("name too long", component("  name: " + "a".repeat(64), GOOD_SPEC), false),
                Arguments.of("missing spec.owner", component("  name: contract-no-owner",
                        "  type: service\n  lifecycle: production"), false),
                Arguments.of("spec.type not a string", component("  name: contract-bad-type",
                        "  type: 7\n  lifecycle: production\n  owner: web-team"), false),
                Arguments.of("invalid tag", component("  name: contract-bad-tag\n  tags: [Not A Tag]", GOOD_SPEC),
                        false),
                Arguments.of("invalid label key", component("  name: contract-bad-label\n  labels:\n    'a b': c",
                        GOOD_SPEC), false),
                Arguments.of("unknown kind", yaml("apiVersion: backstage.io/v1alpha1\nkind: Banana\n"
                        + "metadata:\n  name: contract-banana\nspec: {}"), false),
                Arguments.of("missing apiVersion", yaml("kind: Component\nmetadata:\n  name: contract-no-api\n"
                        + "spec:\n" + GOOD_SPEC), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entities")
    void serverVerdictMatchesTheOfflineValidator(String description, Map<String, Object> entity, boolean valid) {
        List<Violation> server = catalog.entities().validate(entity, LOCATION);
        ValidationResult offline = EntityValidator.create().validate(entity);
        assertEquals(valid, server.isEmpty(), description + ": server verdict " + server);
        assertEquals(server.isEmpty(), offline.isValid(), description + ": offline validator disagrees with the "
                + "server; server " + server + ", offline " + offline.violations());
        if (!valid) {
            assertTrue(server.stream().allMatch(v -> v.message() != null && !v.message().isBlank()),
                    "every violation has a message: " + server);
        }
    }

    @Test
    void invalidNameIsReportedOnItsField() {
        List<Violation> violations = catalog.entities().validate(component("  name: Not Valid!", GOOD_SPEC), LOCATION);
        assertFalse(violations.isEmpty());
        assertTrue(violations.stream().anyMatch(v -> v.message().contains("metadata.name")),
                "the message names the field: " + violations);
    }
}
