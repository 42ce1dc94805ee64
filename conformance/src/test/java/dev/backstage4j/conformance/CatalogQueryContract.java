package dev.backstage4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.EntityAncestry;
import dev.backstage4j.catalog.EntityFacets;
import dev.backstage4j.catalog.EntityFilter;
import dev.backstage4j.catalog.EntityPredicate;
import dev.backstage4j.catalog.EntityQuery;
import dev.backstage4j.catalog.SortOrder;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.Page;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading the catalog: queries with filters, projections, ordering and full text; cursor paging; by-refs;
 * facets; ancestry. Only the sample organisation's entities are asserted on (other contracts add their own).
 */
abstract class CatalogQueryContract {

    private static final EntityRef PAYMENTS_SERVICE = EntityRef.parse("component:default/payments-service");

    private CatalogClient catalog;

    @BeforeEach
    void bindTarget(ContractTarget target) {
        catalog = Contracts.catalog(target);
    }

    private static List<String> names(Iterable<Entity> entities) {
        List<String> names = new ArrayList<>();
        entities.forEach(e -> names.add(e.metadata().name()));
        return names;
    }

    @Test
    void findsAnEntityByRefWithItsRelations() {
        Optional<Entity> found = catalog.entities().find(PAYMENTS_SERVICE);
        assertTrue(found.isPresent(), "payments-service is in the sample");
        Entity entity = found.get();
        assertEquals("Payments Service", entity.metadata().title());
        assertEquals("payments", entity.spec().get("system"));
        assertNotNull(entity.metadata().uid(), "a stored entity has a uid");
        assertTrue(entity.relations("ownedBy").stream()
                .anyMatch(r -> r.targetRef().equals(EntityRef.parse("group:default/payments-team"))),
                "ownedBy relation to the owner group: " + entity.relations());
        assertEquals(Optional.of(entity.metadata().uid()),
                catalog.entities().findByUid(entity.metadata().uid()).map(e -> e.metadata().uid()));
        assertEquals(Optional.empty(), catalog.entities().find(EntityRef.parse("component:default/no-such-thing")));
    }

    @Test
    void relationsAreComputedInBothDirections() {
        assertEquals(Set.of("dependencyOf component:default/checkout-service", "dependsOn resource:default/payments-db",
                "ownedBy group:default/payments-team", "partOf system:default/payments",
                "providesApi api:default/payments-api"), relations("component:default/payments-service"));
        assertEquals(Set.of("hasMember user:default/alice", "ownerOf domain:default/commerce",
                "ownerOf template:default/create-service", "parentOf group:default/payments-team",
                "parentOf group:default/web-team"), relations("group:default/engineering"));
        assertEquals(Set.of("memberOf group:default/payments-team", "memberOf group:default/web-team"),
                relations("user:default/dave"));
        assertEquals(Set.of("apiConsumedBy component:default/checkout-service",
                "apiConsumedBy component:default/storefront-web", "apiProvidedBy component:default/payments-service",
                "ownedBy group:default/payments-team", "partOf system:default/payments"),
                relations("api:default/payments-api"));
        assertEquals(Set.of("ownedBy group:default/data-science"), relations("component:default/recommendation-model"),
                "a relation to an owner that does not exist is kept");
        assertEquals(Set.of("ownedBy group:default/payments-team", "partOf system:default/payments"),
                relations("component:finance/ledger-export"));
        assertEquals(Set.of(), relations("location:default/backstage4j-sample"));
    }

    private Set<String> relations(String ref) {
        Entity entity = catalog.entities().find(EntityRef.parse(ref)).orElseThrow();
        return entity.relations().stream().map(r -> r.type() + " " + r.targetRef()).collect(Collectors.toSet());
    }

    @Test
    void storedEntitiesCarryUidEtagAndLocationAnnotations() {
        Entity entity = catalog.entities().find(PAYMENTS_SERVICE).orElseThrow();
        assertTrue(entity.metadata().uid().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
                "uid is a UUID: " + entity.metadata().uid());
        assertFalse(entity.metadata().etag() == null || entity.metadata().etag().isBlank(), "etag");
        String managedBy = entity.metadata().annotation("backstage.io/managed-by-location");
        String origin = entity.metadata().annotation("backstage.io/managed-by-origin-location");
        assertTrue(managedBy.startsWith("file:") && managedBy.endsWith("/components.yaml"), managedBy);
        assertTrue(origin.startsWith("file:") && origin.endsWith("/catalog-info.yaml"), origin);
        assertEquals("PPAY001", entity.metadata().annotation("pagerduty.com/service-id"), "own annotations kept");
        assertEquals(List.of("java", "payments"), entity.metadata().tags());
        assertEquals(Map.of("tier", "backend"), entity.metadata().labels());
    }

    @Test
    void refsAreCaseInsensitive() {
        Optional<Entity> found = catalog.entities().find(EntityRef.parse("Component:Default/Payments-Service"));
        assertEquals(Optional.of("payments-service"), found.map(e -> e.metadata().name()));
    }

    @Test
    void filtersProjectsAndOrders() {
        EntityQuery query = EntityQuery.builder()
                .filter(EntityFilter.builder().kind("component").where("spec.lifecycle", "production").build())
                .fields("kind", "metadata.name", "spec.type")
                .orderBy("metadata.name", SortOrder.ASC)
                .build();
        List<Entity> entities = catalog.entities().query(query).toList();
        assertEquals(List.of("ledger-export", "payments-service", "product-service", "storefront-web", "ui-kit"),
                names(entities));
        Entity first = entities.get(0);
        assertEquals("Component", first.kind());
        assertEquals(Map.of("type", "batch-job"), first.spec(), "only the projected spec field comes back");
        assertNull(first.metadata().description(), "metadata.description was not projected");

        List<String> reversed = names(catalog.entities().query(EntityQuery.builder()
                .filter(query.filter()).fields("kind", "metadata.name")
                .orderBy("metadata.name", SortOrder.DESC).build()).toList());
        List<String> expected = new ArrayList<>(names(entities));
        Collections.reverse(expected);
        assertEquals(expected, reversed);
    }

    @Test
    void filterAlternativesAndNamespaces() {
        EntityFilter apisOrResources = EntityFilter.builder().kind("api").or().kind("resource").build();
        List<String> names = names(catalog.entities().query(EntityQuery.builder().filter(apisOrResources)
                .orderBy("metadata.name", SortOrder.ASC).build()));
        assertEquals(List.of("payments-api", "payments-db", "product-api", "product-db"), names);

        List<Entity> finance = catalog.entities().query(EntityQuery.builder()
                .filter(EntityFilter.builder().namespace("finance").build()).build()).toList();
        assertEquals(List.of("component:finance/ledger-export"),
                finance.stream().map(e -> e.ref().toString()).collect(Collectors.toList()));

        List<String> withOnCall = names(catalog.entities().query(EntityQuery.builder()
                .filter(EntityFilter.builder().kind("component").exists("metadata.annotations.pagerduty.com/service-id")
                        .build())
                .orderBy("metadata.name", SortOrder.ASC).build()));
        assertEquals(List.of("payments-service", "product-service", "storefront-web"), withOnCall);
    }

    @Test
    void filterValuesAreCaseInsensitiveAndRelationsFilterable() {
        List<String> services = names(catalog.entities().query(EntityQuery.builder()
                .filter(EntityFilter.builder().kind("COMPONENT").where("spec.type", "SERVICE")
                        .namespace("DEFAULT").build())
                .orderBy("metadata.name", SortOrder.ASC).build()));
        assertEquals(List.of("checkout-service", "legacy-invoicing", "payments-service", "product-service"),
                services);
        List<String> ownedByPayments = names(catalog.entities().query(EntityQuery.builder()
                .filter(EntityFilter.builder().kind("component")
                        .relation("ownedBy", "group:default/payments-team").build())
                .orderBy("metadata.name", SortOrder.ASC).build()));
        assertEquals(List.of("checkout-service", "ledger-export", "legacy-invoicing", "payments-service"),
                ownedByPayments);
        List<String> tagged = names(catalog.entities().query(EntityQuery.builder()
                .filter(EntityFilter.builder().where("metadata.tags", "react").build())
                .orderBy("metadata.name", SortOrder.ASC).build()));
        assertEquals(List.of("storefront-web", "ui-kit"), tagged);
    }

    @Test
    void predicateOperators() {
        List<String> prefixed = names(catalog.entities().query(EntityQuery.builder()
                .predicate(EntityPredicate.all(EntityPredicate.eq("kind", "component"),
                        EntityPredicate.hasPrefix("metadata.name", "pro")))
                .orderBy("metadata.name", SortOrder.ASC).build()));
        assertEquals(List.of("product-service"), prefixed);
        List<String> notProduction = names(catalog.entities().query(EntityQuery.builder()
                .predicate(EntityPredicate.all(EntityPredicate.eq("kind", "component"),
                        EntityPredicate.not(EntityPredicate.eq("spec.lifecycle", "production")),
                        EntityPredicate.notExists("metadata.description")))
                .orderBy("metadata.name", SortOrder.ASC).build()));
        assertEquals(List.of("legacy-invoicing", "recommendation-model"), notProduction);
        List<String> javaOrPython = names(catalog.entities().query(EntityQuery.builder()
                .predicate(EntityPredicate.any(EntityPredicate.contains("metadata.tags", "python"),
                        EntityPredicate.eq("metadata.name", "ui-kit")))
                .orderBy("metadata.name", SortOrder.ASC).build()));
        assertEquals(List.of("recommendation-model", "ui-kit"), javaOrPython);
    }

    @Test
    void orderingByAFieldSomeEntitiesLack() {
        List<String> byTitle = names(catalog.entities().query(EntityQuery.builder()
                .filter(EntityFilter.builder().kind("component").build())
                .fields("kind", "metadata.name", "metadata.title")
                .orderBy("metadata.title", SortOrder.ASC).build()));
        List<String> sampleOnly = byTitle.stream().filter(SAMPLE_COMPONENTS::contains).collect(Collectors.toList());
        assertEquals(List.of("checkout-service", "ledger-export", "payments-service", "product-service",
                "storefront-web", "ui-kit"), sampleOnly,
                "by-query ordered by a field leaves out the entities without it (legacy-invoicing and"
                        + " recommendation-model have no title)");
    }

    private static final Set<String> SAMPLE_COMPONENTS = Set.of("storefront-web", "product-service",
            "payments-service", "checkout-service", "ui-kit", "legacy-invoicing", "recommendation-model",
            "ledger-export");

    @Test
    void predicateQuery() {
        EntityPredicate predicate = EntityPredicate.all(
                EntityPredicate.eq("kind", "component"),
                EntityPredicate.in("spec.type", "library", "ml-model"));
        List<String> names = names(catalog.entities().query(EntityQuery.builder().predicate(predicate)
                .orderBy("metadata.name", SortOrder.ASC).build()));
        assertEquals(List.of("recommendation-model", "ui-kit"), names);
    }

    @Test
    void fullTextSearch() {
        List<String> names = names(catalog.entities().query(EntityQuery.builder()
                .filter(EntityFilter.builder().kind("component").build())
                .fullText("PAYMENTS-SERV", "metadata.name")
                .build()));
        assertEquals(List.of("payments-service"), names);
    }

    @Test
    void cursorPagingOverSeveralPagesWithTotalItems() {
        EntityQuery users = EntityQuery.builder()
                .filter(EntityFilter.builder().kind("user").build())
                .fields("kind", "metadata.name")
                .orderBy("metadata.name", SortOrder.ASC)
                .pageSize(2)
                .build();
        Page<Entity> first = catalog.entities().queryPage(users);
        assertEquals(List.of("alice", "bob"), names(first.items()));
        assertEquals(5, first.totalItems().orElse(-1));
        assertTrue(first.nextCursor().isPresent(), "a first page of 2 out of 5 has a next cursor");

        Page<Entity> second = catalog.entities().queryPage(users, first.nextCursor().get());
        assertEquals(List.of("carol", "dave"), names(second.items()));

        List<List<String>> pages = new ArrayList<>();
        for (Page<Entity> page : catalog.entities().query(users).pages()) {
            pages.add(names(page.items()));
        }
        assertEquals(List.of(List.of("alice", "bob"), List.of("carol", "dave"), List.of("erin")), pages);
        assertEquals(List.of("alice", "bob", "carol", "dave", "erin"), names(catalog.entities().query(users)));
    }

    /**
     * The page size is not part of the cursor: a walk may ask for bigger pages once it has seen how large the
     * entities are (what {@code query()} does when no page size was set), in both forms of {@code by-query}.
     */
    @Test
    void aCursorCanBeFollowedWithAnotherPageSize() {
        for (EntityQuery.Builder form : List.of(
                EntityQuery.builder().filter(EntityFilter.builder().kind("user").build()),
                EntityQuery.builder().predicate(EntityPredicate.eq("kind", "user")))) {
            EntityQuery users = form.fields("kind", "metadata.name").orderBy("metadata.name", SortOrder.ASC)
                    .pageSize(1).build();
            Page<Entity> first = catalog.entities().queryPage(users);
            assertEquals(List.of("alice"), names(first.items()));
            Page<Entity> second = catalog.entities().queryPage(users.toBuilder().pageSize(3).build(),
                    first.nextCursor().orElseThrow());
            assertEquals(List.of("bob", "carol", "dave"), names(second.items()));
            Page<Entity> third = catalog.entities().queryPage(users.toBuilder().pageSize(2).build(),
                    second.nextCursor().orElseThrow());
            assertEquals(List.of("erin"), names(third.items()));
            assertTrue(third.nextCursor().isEmpty(), users + ": the last page has no next cursor");
        }
    }

    @Test
    void predicatePagingCarriesTheQueryInTheCursor() {
        EntityQuery users = EntityQuery.builder()
                .predicate(EntityPredicate.all(EntityPredicate.eq("kind", "user"),
                        EntityPredicate.not(EntityPredicate.eq("metadata.name", "erin"))))
                .fields("kind", "metadata.name")
                .orderBy("metadata.name", SortOrder.DESC)
                .pageSize(3)
                .build();
        Page<Entity> first = catalog.entities().queryPage(users);
        assertEquals(List.of("dave", "carol", "bob"), names(first.items()));
        assertEquals(4, first.totalItems().orElse(-1));
        Page<Entity> second = catalog.entities().queryPage(users, first.nextCursor().orElseThrow());
        assertEquals(List.of("alice"), names(second.items()));
        assertTrue(second.nextCursor().isEmpty(), "the last page has no next cursor");
    }

    @Test
    void streamAllReadsEveryMatch() {
        try (Stream<Entity> users = catalog.entities().streamAll(EntityQuery.builder()
                .filter(EntityFilter.builder().kind("user").build()).build())) {
            assertEquals(List.of("alice", "bob", "carol", "dave", "erin"),
                    users.map(e -> e.metadata().name()).sorted().collect(Collectors.toList()));
        }
    }

    @Test
    void legacyListFollowsOffsetPages() {
        EntityQuery users = EntityQuery.builder()
                .filter(EntityFilter.builder().kind("user").build())
                .orderBy("metadata.name", SortOrder.ASC)
                .pageSize(2)
                .build();
        assertEquals(List.of("alice", "bob", "carol", "dave", "erin"), names(catalog.entities().list(users)));
    }

    @Test
    void byRefsKeepsOrderWithNullForUnknowns() {
        List<EntityRef> refs = List.of(PAYMENTS_SERVICE, EntityRef.parse("component:default/no-such-component"),
                EntityRef.parse("user:default/alice"), EntityRef.parse("group:default/payments-team"));
        List<Entity> entities = catalog.entities().getByRefs(refs);
        assertEquals(4, entities.size());
        assertEquals("payments-service", entities.get(0).metadata().name());
        assertNull(entities.get(1));
        assertEquals("alice", entities.get(2).metadata().name());
        assertEquals("payments-team", entities.get(3).metadata().name());

        List<Entity> onlyComponents = catalog.entities().getByRefs(refs,
                EntityFilter.builder().kind("component").build(), List.of("metadata.name"));
        assertEquals(4, onlyComponents.size());
        assertEquals("payments-service", onlyComponents.get(0).metadata().name());
        assertNull(onlyComponents.get(1));
        assertNull(onlyComponents.get(2), "filtered out");
        assertNull(onlyComponents.get(3), "filtered out");
        assertNull(onlyComponents.get(0).metadata().description(), "description not projected");
    }

    @Test
    void byRefsAnswersEveryPositionIncludingDuplicates() {
        List<Entity> entities = catalog.entities().getByRefs(List.of(PAYMENTS_SERVICE, PAYMENTS_SERVICE,
                EntityRef.parse("component:finance/ledger-export")));
        assertEquals(List.of("payments-service", "payments-service", "ledger-export"), names(entities));
    }

    @Test
    void facetsOfAnArrayFieldCountEachElement() {
        EntityFacets tags = catalog.entities().facets(List.of("metadata.tags"),
                EntityFilter.builder().kind("component").namespace("default").build());
        Map<String, Long> counts = counts(tags, "metadata.tags");
        assertEquals(Map.of("typescript", 2L, "react", 2L, "customer-facing", 1L, "java", 2L, "grpc", 1L,
                "payments", 2L, "kotlin", 1L, "python", 1L), counts);
    }

    @Test
    void facetsCountDistinctValues() {
        EntityFacets groups = catalog.entities().facets(List.of("spec.type"),
                EntityFilter.builder().kind("group").build());
        assertEquals(Map.of("department", 1L, "team", 2L), counts(groups, "spec.type"));

        EntityFacets kinds = catalog.entities().facets(List.of("kind"), EntityFilter.none());
        Map<String, Long> byKind = counts(kinds, "kind");
        assertEquals(5L, byKind.get("User"));
        assertEquals(3L, byKind.get("Group"));
        assertEquals(2L, byKind.get("Template"));

        EntityFacets finance = catalog.entities().facets(List.of("spec.lifecycle", "metadata.tags"),
                EntityPredicate.all(EntityPredicate.eq("kind", "component"),
                        EntityPredicate.eq("metadata.namespace", "finance")));
        assertEquals(Map.of("production", 1L), counts(finance, "spec.lifecycle"));
        assertEquals(Map.of("batch", 1L, "java", 1L), counts(finance, "metadata.tags"));
    }

    private static Map<String, Long> counts(EntityFacets facets, String field) {
        return facets.facet(field).stream().collect(Collectors.toMap(EntityFacets.Count::value,
                EntityFacets.Count::count));
    }

    @Test
    void ancestryLeadsFromTheEntityToItsRootLocation() {
        EntityAncestry ancestry = catalog.entities().ancestry(PAYMENTS_SERVICE);
        assertEquals(PAYMENTS_SERVICE, ancestry.rootRef());
        Map<EntityRef, List<EntityRef>> parents = ancestry.items().stream()
                .collect(Collectors.toMap(i -> i.entity().ref(), EntityAncestry.Item::parentRefs));
        assertEquals(List.of(EntityRef.parse("location:default/backstage4j-sample")), parents.get(PAYMENTS_SERVICE));
        assertTrue(parents.containsKey(EntityRef.parse("location:default/backstage4j-sample")), parents.toString());
        // Walk up: every parent is an item, and the walk ends at a Location without parents.
        EntityRef current = PAYMENTS_SERVICE;
        for (int step = 0; step < parents.size(); step++) {
            List<EntityRef> up = parents.get(current);
            assertNotNull(up, "ancestry item for " + current + " in " + parents);
            if (up.isEmpty()) {
                break;
            }
            current = up.get(0);
        }
        assertTrue(current.kind().equalsIgnoreCase("location"), "the root is a Location: " + current);
        assertTrue(current.name().matches("generated-[0-9a-f]{40}"),
                "the root is the Location generated for the registered config location: " + current);
        assertEquals(List.of(), parents.get(current), "the root location has no parents");
    }
}
