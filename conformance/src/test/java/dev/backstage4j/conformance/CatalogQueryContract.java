package dev.backstage4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.stream.Collectors;
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
        assertEquals(List.of(), parents.get(current), "the root location has no parents");
    }
}
