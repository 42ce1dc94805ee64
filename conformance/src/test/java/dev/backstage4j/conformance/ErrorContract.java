package dev.backstage4j.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.EntityFilter;
import dev.backstage4j.catalog.EntityQuery;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.AuthenticationException;
import dev.backstage4j.core.BackstageApiException;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.core.InputException;
import dev.backstage4j.core.NotFoundException;
import dev.backstage4j.scaffolder.DryRunRequest;
import dev.backstage4j.scaffolder.ScaffolderClient;
import dev.backstage4j.scaffolder.TaskRequest;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every error path a user handles: 401 without and with a wrong token, 404 on each resource, and 400 in both
 * body shapes ({@code {error:{..}}} and {@code {errors:[..]}}), typed and with the server's name and message.
 */
abstract class ErrorContract {

    private static final String UNKNOWN_ID = "00000000-0000-0000-0000-000000000000";

    private ContractTarget target;
    private CatalogClient catalog;
    private ScaffolderClient scaffolder;

    @BeforeEach
    void bindTarget(ContractTarget target) {
        this.target = target;
        catalog = Contracts.catalog(target);
        scaffolder = Contracts.scaffolder(target);
    }

    private static <T extends BackstageApiException> T assertApiError(Class<T> type, int status, String name,
            Executable call) {
        T e = assertThrows(type, call);
        assertEquals(status, e.statusCode());
        assertEquals(name, e.errorName(), "error name of " + e);
        assertFalse(e.errorMessage() == null || e.errorMessage().isBlank(), "error message of " + e);
        return e;
    }

    @Test
    void withoutTokenIs401() {
        CatalogClient anonymous = Contracts.catalog(target, CredentialsProvider.none());
        AuthenticationException e = assertApiError(AuthenticationException.class, 401, "AuthenticationError",
                () -> anonymous.entities().find(EntityRef.parse("component:default/payments-service")));
        assertFalse(e.isRetryable());
        ScaffolderClient anonymousScaffolder = Contracts.scaffolder(target, CredentialsProvider.none());
        assertApiError(AuthenticationException.class, 401, "AuthenticationError",
                () -> anonymousScaffolder.actions().list());
    }

    @Test
    void withWrongTokenIs401AndTheTokenIsNotInTheMessage() {
        String wrong = "b4j-wrong-token-" + Contracts.uniqueName("x");
        CatalogClient impostor = Contracts.catalog(target, CredentialsProvider.staticToken(wrong));
        AuthenticationException e = assertApiError(AuthenticationException.class, 401, "AuthenticationError",
                () -> impostor.entities().query(EntityQuery.all()).toList());
        assertFalse(String.valueOf(e.getMessage()).contains(wrong), "the token leaked into " + e.getMessage());
        ScaffolderClient impostorScaffolder = Contracts.scaffolder(target, CredentialsProvider.staticToken(wrong));
        assertApiError(AuthenticationException.class, 401, "AuthenticationError",
                () -> impostorScaffolder.tasks().get(UNKNOWN_ID));
    }

    @Test
    void unknownResourcesAre404() {
        EntityRef unknown = EntityRef.parse("component:default/no-such-component");
        assertApiError(NotFoundException.class, 404, "NotFoundError", () -> catalog.entities().ancestry(unknown));
        assertApiError(NotFoundException.class, 404, "NotFoundError", () -> catalog.entities().refresh(unknown));
        assertApiError(NotFoundException.class, 404, "NotFoundError", () -> catalog.locations().delete(UNKNOWN_ID));
        assertApiError(NotFoundException.class, 404, "NotFoundError", () -> scaffolder.tasks().get(UNKNOWN_ID));
        assertApiError(NotFoundException.class, 404, "NotFoundError", () -> scaffolder.tasks().cancel(UNKNOWN_ID));
        assertApiError(NotFoundException.class, 404, "NotFoundError",
                () -> scaffolder.templates().parameterSchema("no-such-template"));
        assertApiError(NotFoundException.class, 404, "NotFoundError",
                () -> scaffolder.tasks().create(TaskRequest.builder().templateRef("template:default/no-such-template")
                        .value("name", "x").build()));
    }

    @Test
    void errorMessagesAreTheServersOwn() {
        EntityRef unknown = EntityRef.parse("component:default/no-such-component");
        CatalogClient anonymous = Contracts.catalog(target, CredentialsProvider.none());
        assertAll(
                () -> assertMessage("Entity component:default/no-such-component not found",
                        () -> catalog.entities().refresh(unknown)),
                () -> assertMessage("Found no location with ID " + UNKNOWN_ID,
                        () -> catalog.locations().delete(UNKNOWN_ID)),
                () -> assertMessage("No task with id '" + UNKNOWN_ID + "' found",
                        () -> scaffolder.tasks().get(UNKNOWN_ID)),
                () -> assertMessage("No task with id '" + UNKNOWN_ID + "' found",
                        () -> scaffolder.tasks().cancel(UNKNOWN_ID)),
                () -> assertMessage("Template template:default/no-such-template not found",
                        () -> scaffolder.templates().parameterSchema("no-such-template")),
                () -> assertMessage("Template template:default/no-such-template not found",
                        () -> scaffolder.tasks().create(TaskRequest.builder()
                                .templateRef("template:default/no-such-template").value("name", "x").build())),
                () -> assertMessage("Missing credentials", () -> anonymous.entities().ancestry(unknown)));
    }

    @Test
    void ancestryOfAnUnknownEntityNamesIt() {
        assertMessage("No such entity component:default/no-such-component",
                () -> catalog.entities().ancestry(EntityRef.parse("component:default/no-such-component")));
    }

    private static void assertMessage(String expected, Executable call) {
        BackstageApiException e = assertThrows(BackstageApiException.class, call);
        assertEquals(expected, e.errorMessage(), "message of " + e.statusCode() + " from " + e.operation());
    }

    @Test
    void badInputIs400WithAnErrorObject() {
        EntityQuery query = EntityQuery.builder().filter(EntityFilter.builder().kind("component").build()).build();
        InputException e = assertApiError(InputException.class, 400, "InputError",
                () -> catalog.entities().queryPage(query, "not-a-cursor"));
        assertTrue(e.errorMessage().toLowerCase(Locale.ROOT).contains("cursor"), e.errorMessage());
        assertFalse(e.isRetryable());
    }

    @Test
    void unknownAutocompleteProviderIs400() {
        InputException e = assertApiError(InputException.class, 400, "InputError",
                () -> scaffolder.templates().autocomplete("no-such-provider", "repositories", "provider-token",
                        java.util.Map.of()));
        assertEquals("Unsupported provider: no-such-provider", e.errorMessage());
        assertFalse(String.valueOf(e.getMessage()).contains("provider-token"), "the provider token leaked");
    }

    @Test
    void badTaskValuesAre400WithAnErrorsArrayNamingTheField() {
        TaskRequest bad = TaskRequest.builder().templateRef("template:default/create-service")
                .value("name", "Not Valid").value("owner", "group:default/web-team").build();
        InputException e = assertThrows(InputException.class, () -> scaffolder.tasks().create(bad));
        assertEquals(400, e.statusCode());
        assertEquals(1, e.details().size(), "one detail per failed schema rule: " + e.details());
        assertTrue(e.details().get(0).message().contains("pattern"), e.details().toString());
        assertTrue(e.details().get(0).path().orElse("").contains("name"), e.details().toString());

        InputException dryRun = assertThrows(InputException.class, () -> scaffolder.templates().dryRun(
                DryRunRequest.fromDirectory(Contracts.sampleDir().resolve("templates/create-service")).build()));
        assertEquals(2, dryRun.details().size(), "dry-run validates values too: " + dryRun.details());

        TaskRequest missing = TaskRequest.builder().templateRef("template:default/create-service").build();
        InputException missingBoth = assertThrows(InputException.class, () -> scaffolder.tasks().create(missing));
        assertEquals(2, missingBoth.details().size(), "name and owner are required: " + missingBoth.details());
        assertTrue(missingBoth.details().stream().anyMatch(d -> d.message().contains("\"name\"")),
                missingBoth.details().toString());
    }
}
