package dev.backstage4j.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the sample organisation that both targets are seeded with, so tests and the launcher know which
 * entities to expect without repeating the list.
 *
 * <p>The entry point is {@code catalog-info.yaml}, a {@code Location} whose {@code spec.targets} name the
 * other files relative to the folder (the same index the real catalog follows).
 */
public final class SampleOrganisation {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path folder;
    private final List<String> entityRefs;
    private final Map<String, Integer> countsByKind;

    private SampleOrganisation(Path folder, List<String> entityRefs, Map<String, Integer> countsByKind) {
        this.folder = folder;
        this.entityRefs = List.copyOf(entityRefs);
        this.countsByKind = Map.copyOf(countsByKind);
    }

    /**
     * Loads the sample organisation from its folder.
     *
     * @param folder the folder holding {@code catalog-info.yaml}
     * @return the loaded index
     * @throws IllegalStateException if a file is missing or an entity lacks kind or name (naming file and document)
     */
    public static SampleOrganisation load(Path folder) {
        Path index = folder.resolve("catalog-info.yaml");
        List<Path> files = new ArrayList<>();
        files.add(index);
        for (JsonNode location : readDocuments(index)) {
            for (JsonNode target : location.path("spec").path("targets")) {
                files.add(folder.resolve(target.asText()).normalize());
            }
        }
        List<String> refs = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (Path file : files) {
            int document = 0;
            for (JsonNode entity : readDocuments(file)) {
                document++;
                String kind = entity.path("kind").asText("");
                String name = entity.path("metadata").path("name").asText("");
                if (kind.isEmpty() || name.isEmpty()) {
                    throw new IllegalStateException(file + ": document " + document + " has no kind or metadata.name");
                }
                String namespace = entity.path("metadata").path("namespace").asText("default");
                refs.add((kind + ":" + namespace + "/" + name).toLowerCase(Locale.ROOT));
                counts.merge(kind, 1, Integer::sum);
            }
        }
        return new SampleOrganisation(folder, refs, counts);
    }

    private static List<JsonNode> readDocuments(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("sample organisation file not found: " + file);
        }
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            List<JsonNode> result = new ArrayList<>();
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    result.add(document);
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample organisation file " + file, e);
        }
    }

    /**
     * Returns the folder the sample was loaded from.
     *
     * @return the absolute folder
     */
    public Path folder() {
        return folder;
    }

    /**
     * Returns the canonical lower-case refs ({@code kind:namespace/name}) of every sample entity, in file order.
     *
     * @return the refs, unmodifiable
     */
    public List<String> entityRefs() {
        return entityRefs;
    }

    /**
     * Returns how many sample entities there are of each kind (kind spelled as in the YAML, e.g. {@code API}).
     *
     * @return counts by kind, unmodifiable
     */
    public Map<String, Integer> countsByKind() {
        return countsByKind;
    }
}
