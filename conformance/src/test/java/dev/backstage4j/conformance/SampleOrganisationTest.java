package dev.backstage4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the sample organisation index that the launcher waits for and the testkit ships. */
class SampleOrganisationTest {

    private static final Path SAMPLE = Path.of(System.getProperty("b4j.conformance.sampleDir",
            "../testkit/src/main/resources/dev/backstage4j/testkit/sample"));

    @Test
    void load_followsLocationTargets_andCountsEveryKindTheReadmePromises() {
        SampleOrganisation sample = SampleOrganisation.load(SAMPLE);

        assertEquals(Map.of("Location", 1, "Domain", 1, "System", 2, "Group", 3, "User", 5, "Component", 8,
                "API", 2, "Resource", 2, "Template", 2), sample.countsByKind());
        assertEquals(26, sample.entityRefs().size());
        assertTrue(sample.entityRefs().contains("component:finance/ledger-export"), "non-default namespace");
        assertTrue(sample.entityRefs().contains("template:default/create-service"));
    }

    @Test
    void templates_haveTheirSkeletonNextToThem() {
        for (String template : new String[] {"create-service", "docs-site"}) {
            assertTrue(Files.isDirectory(SAMPLE.resolve("templates").resolve(template).resolve("skeleton")), template);
        }
    }

    @Test
    void load_withEntityWithoutName_namesFileAndDocument(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("catalog-info.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: Location
                metadata: {name: index}
                spec: {targets: [./broken.yaml]}
                """);
        Files.writeString(dir.resolve("broken.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: fine}
                spec: {type: team, children: []}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {}
                """);

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> SampleOrganisation.load(dir));

        assertTrue(error.getMessage().contains("broken.yaml") && error.getMessage().contains("document 2"),
                error.getMessage());
    }

    @Test
    void load_withMissingTarget_namesTheMissingFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("catalog-info.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: Location
                metadata: {name: index}
                spec: {targets: [./nowhere.yaml]}
                """);

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> SampleOrganisation.load(dir));

        assertTrue(error.getMessage().contains("nowhere.yaml"), error.getMessage());
    }
}
