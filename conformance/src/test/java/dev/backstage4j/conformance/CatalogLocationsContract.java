package dev.backstage4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.EntityPredicate;
import dev.backstage4j.catalog.Location;
import dev.backstage4j.catalog.LocationConflict;
import dev.backstage4j.catalog.LocationRegistration;
import dev.backstage4j.catalog.model.CatalogYaml;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.ConflictException;
import dev.backstage4j.core.NotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Location lifecycle on a {@code file} location the test writes: dry-run, register, conflict, get, list,
 * ingestion (asynchronous: polled with a bounded wait), by-entity, refresh, delete, and removal of its entities.
 */
abstract class CatalogLocationsContract {

    private CatalogClient catalog;
    private String registeredId;

    @TempDir
    Path folder;

    @BeforeEach
    void bindTarget(ContractTarget target) {
        catalog = Contracts.catalog(target);
    }

    @AfterEach
    void unregister() {
        if (registeredId != null) {
            try {
                catalog.locations().delete(registeredId);
            } catch (NotFoundException alreadyGone) {
                // the test deleted it itself
            }
        }
    }

    private Path writeComponent(String name) throws IOException {
        return writeCatalogInfo(
                "apiVersion: backstage.io/v1alpha1",
                "kind: Component",
                "metadata:",
                "  name: " + name,
                "  description: Registered by the conformance suite",
                "spec:",
                "  type: service",
                "  lifecycle: experimental",
                "  owner: group:default/web-team");
    }

    private Path writeCatalogInfo(String... lines) throws IOException {
        Path file = folder.resolve("catalog-info.yaml");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /**
     * The catalog reads files as YAML 1.2: {@code yes}, {@code on}, {@code no}, {@code off} and {@code n} stay
     * strings (YAML 1.1 readers turn them into booleans). The client's {@link CatalogYaml} must agree.
     */
    @Test
    void entityFiles_areYaml12_soYesOnNoStayStrings() throws IOException {
        String name = Contracts.uniqueName("contract-yaml12");
        Path file = writeCatalogInfo(
                "apiVersion: backstage.io/v1alpha1",
                "kind: Component",
                "metadata:",
                "  name: " + name,
                "  title: yes",
                "  description: on",
                "  labels:",
                "    enabled: n",
                "  tags: [off]",
                "spec:",
                "  type: service",
                "  lifecycle: no",
                "  owner: group:default/web-team");

        Entity served = catalog.locations().dryRun("file", file.toAbsolutePath().toString()).entities().stream()
                .filter(e -> e.ref().name().equals(name)).findFirst().orElseThrow();
        assertEquals("yes", served.metadata().title());
        assertEquals("on", served.metadata().description());
        assertEquals("n", served.metadata().labels().get("enabled"));
        assertEquals(List.of("off"), served.metadata().tags());
        assertEquals("no", served.spec().get("lifecycle"));

        Entity local = CatalogYaml.create().readEntities(file).get(0);
        assertEquals(served.metadata().title(), local.metadata().title());
        assertEquals(served.metadata().description(), local.metadata().description());
        assertEquals(served.metadata().labels().get("enabled"), local.metadata().labels().get("enabled"));
        assertEquals(served.metadata().tags(), local.metadata().tags());
        assertEquals(served.spec().get("lifecycle"), local.spec().get("lifecycle"));
    }

    @Test
    void locationLifecycle() throws IOException {
        String name = Contracts.uniqueName("contract-location");
        EntityRef componentRef = EntityRef.of("component", "default", name);
        String target = writeComponent(name).toAbsolutePath().toString();

        LocationRegistration dryRun = catalog.locations().dryRun("file", target);
        assertFalse(dryRun.exists(), "not registered yet");
        assertEquals("file", dryRun.location().type());
        assertEquals(target, dryRun.location().target());
        List<EntityRef> produced = dryRun.entities().stream().map(Entity::ref).collect(Collectors.toList());
        assertTrue(produced.contains(componentRef), "dry-run yields the component: " + produced);
        assertTrue(produced.stream().anyMatch(r -> r.kind().equalsIgnoreCase("location")),
                "dry-run yields the location's own Location entity: " + produced);
        assertEquals(Optional.empty(), catalog.entities().find(componentRef), "a dry-run stores nothing");

        LocationRegistration created = catalog.locations().register("file", target);
        registeredId = created.location().id();
        assertFalse(registeredId.isBlank());
        assertEquals("file", created.location().type());
        assertEquals(target, created.location().target());

        ConflictException conflict = assertThrows(ConflictException.class,
                () -> catalog.locations().register("file", target));
        assertEquals(409, conflict.statusCode());
        assertThrows(ConflictException.class,
                () -> catalog.locations().register("file", target, LocationConflict.REJECT));
        assertEquals(registeredId, catalog.locations().register("file", target, LocationConflict.REFRESH)
                .location().id(), "onConflict=refresh keeps and returns the registered location");

        Location found = catalog.locations().find(registeredId).orElseThrow();
        assertEquals(target, found.target());
        assertTrue(catalog.locations().list().stream().anyMatch(l -> l.id().equals(registeredId)),
                "GET /locations lists the registered location");
        assertTrue(catalog.locations().dryRun("file", target).exists(), "a dry-run now sees it registered");

        Contracts.await(componentRef + " is ingested", () -> catalog.entities().find(componentRef).isPresent());
        Entity component = catalog.entities().find(componentRef).orElseThrow();
        assertEquals("file:" + target, component.metadata().annotation("backstage.io/managed-by-location"));
        assertEquals(Optional.of(registeredId),
                catalog.locations().findByEntity(componentRef).map(Location::id));

        catalog.entities().refresh(componentRef);

        List<String> fileLocations = new java.util.ArrayList<>();
        catalog.locations().query(EntityPredicate.eq("type", "file"), 2).forEach(l -> fileLocations.add(l.id()));
        assertTrue(fileLocations.contains(registeredId), "locations by-query finds it: " + fileLocations);


        catalog.locations().delete(registeredId);
        assertEquals(Optional.empty(), catalog.locations().find(registeredId));
        assertThrows(NotFoundException.class, () -> catalog.locations().delete(registeredId));
        registeredId = null;
        Contracts.await(componentRef + " is removed with its location",
                () -> catalog.entities().find(componentRef).isEmpty());
    }

    @Test
    void anEntityDeletedByUidComesBackWhileItsLocationEmitsIt() throws IOException {
        String name = Contracts.uniqueName("contract-orphan");
        EntityRef componentRef = EntityRef.of("component", "default", name);
        registeredId = catalog.locations().register("file", writeComponent(name).toAbsolutePath().toString())
                .location().id();
        Contracts.await(componentRef + " is ingested", () -> catalog.entities().find(componentRef).isPresent());
        String uid = catalog.entities().find(componentRef).orElseThrow().metadata().uid();

        catalog.entities().deleteByUid(uid);
        Contracts.await(componentRef + " comes back with a new uid after DELETE /entities/by-uid (its location"
                + " still emits it)",
                () -> catalog.entities().find(componentRef).map(e -> !e.metadata().uid().equals(uid)).orElse(false));
        catalog.entities().deleteByUid("00000000-0000-0000-0000-000000000000"); // unknown uid: no error
    }

    /**
     * Backstage's server closes a keep-alive connection after 5 idle seconds ({@code Keep-Alive: timeout=5},
     * Node's default), and a client reusing it only finds out after sending. A read can then be sent again; a
     * registration cannot, so it must never go out on a connection that may be closing. After 6 idle seconds both
     * work, and the registration is made once (it failed with "may have reached" before).
     */
    @Test
    void callsAfterTheConnectionsSatIdlePastTheServersKeepAlive_succeed() throws Exception {
        String first = folder.resolve("before-idle.yaml").toAbsolutePath().toString();
        registeredId = catalog.locations().register("file", first).location().id();
        EntityRef team = EntityRef.parse("group:default/web-team");
        assertTrue(catalog.entities().find(team).isPresent());

        Thread.sleep(6_000);
        assertTrue(catalog.entities().find(team).isPresent(), "a read after the idle time");
        String second = folder.resolve("after-idle.yaml").toAbsolutePath().toString();
        String secondId = catalog.locations().register("file", second).location().id();
        try {
            assertEquals(List.of(secondId), catalog.locations().list().stream()
                    .filter(l -> l.target().equals(second)).map(Location::id).collect(Collectors.toList()));
        } finally {
            catalog.locations().delete(secondId);
        }
    }

    @Test
    void registeringAMissingFileSucceedsButIngestsNothing() {
        String target = folder.resolve("does-not-exist.yaml").toAbsolutePath().toString();
        LocationRegistration created = catalog.locations().register("file", target);
        registeredId = created.location().id();
        assertEquals(target, catalog.locations().find(registeredId).orElseThrow().target());
        assertTrue(created.entities().isEmpty(), "ingestion is asynchronous: " + created.entities());
    }

    @Test
    void aLocationCanBeRetargeted() {
        String before = folder.resolve("before.yaml").toAbsolutePath().toString();
        String after = folder.resolve("after.yaml").toAbsolutePath().toString();
        registeredId = catalog.locations().register("file", before).location().id();
        Location updated = catalog.locations().update(registeredId, "file", after);
        assertEquals(registeredId, updated.id());
        assertEquals(after, updated.target());
        assertEquals(after, catalog.locations().find(registeredId).orElseThrow().target());
        assertThrows(NotFoundException.class,
                () -> catalog.locations().update("00000000-0000-0000-0000-000000000000", "file",
                        folder.resolve("elsewhere.yaml").toAbsolutePath().toString()));
    }

    @Test
    void retargetingOntoARegisteredTarget_isAConflict_evenForAnUnknownId() {
        String taken = folder.resolve("taken.yaml").toAbsolutePath().toString();
        registeredId = catalog.locations().register("file", taken).location().id();
        ConflictException e = assertThrows(ConflictException.class,
                () -> catalog.locations().update("00000000-0000-0000-0000-000000000000", "file", taken));
        assertEquals("Location file:" + taken + " already exists", e.errorMessage());
        assertEquals(taken, catalog.locations().find(registeredId).orElseThrow().target(), "nothing changed");
    }

    @Test
    void locationFromTheAppConfigHasNoRegisteredLocation() {
        assertEquals(Optional.empty(),
                catalog.locations().findByEntity(EntityRef.parse("component:default/payments-service")),
                "entities of config locations have no location in /locations/by-entity");
    }

    @Test
    void refreshOfAnUnknownEntityIsNotFound() {
        assertThrows(NotFoundException.class,
                () -> catalog.entities().refresh(EntityRef.parse("component:default/no-such-component")));
    }

    @Test
    void refreshOfASampleEntityIsAccepted() {
        catalog.entities().refresh(EntityRef.parse("component:default/payments-service"));
    }
}
