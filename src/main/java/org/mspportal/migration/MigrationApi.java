package org.mspportal.migration;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mspportal.identity.Administrator;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlan;
import org.mspportal.plans.Workload;
import org.mspportal.shared.IdempotentRequests;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.RejectedInput;
import org.mspportal.shared.RejectedInputs;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import tools.jackson.databind.json.JsonMapper;

/**
 * The MSP's side of migrations in the REST API: its migrations (paged, by stage), one with its
 * licensed products, who must act and its history, and the moves that are the MSP's — nominate,
 * choose among its plans (or make one from the licence) and verify. The caller sees its own MSP's
 * migrations only; another MSP's id is not found. A move the stage does not allow is 409.
 *
 * <p>Verifying needs the emailed token and must come from the nominated handler: an MSP
 * administrator signed in as them, or an API key they created (a key acts as its creator).
 */
@RestController
@RequestMapping(MigrationApi.PATH)
@Tag(name = "Migrations", description = "Customers managed elsewhere, migrating into the MSP (SPEC §5)")
class MigrationApi {

    static final String PATH = "/api/v1/migrations";
    private static final int MAX_PAGE_SIZE = 200;
    private static final int DEFAULT_PAGE_SIZE = 50;

    private final MigrationManagement migrations;
    private final IdempotentRequests idempotency;
    private final JsonMapper json;

    MigrationApi(MigrationManagement migrations, IdempotentRequests idempotency, JsonMapper json) {
        this.migrations = migrations;
        this.idempotency = idempotency;
        this.json = json;
    }

    /** The list's query parameters, each optional. */
    record Filters(
            @Schema(description = "Only migrations at this stage", implementation = Stage.class) String stage,
            @Schema(description = "Only migrations with this text (any case) in the account's name, or whose"
                    + " reference starts so (MIG-1A2B…)", maxLength = 200) String q,
            @Schema(description = "Page number, from 0", type = "integer", defaultValue = "0") String page,
            @Schema(description = "Migrations per page, at most 200", type = "integer", defaultValue = "50")
            String size) {
    }

    record MigrationPage(List<MigrationSummary> items, int page, int size, long totalItems, int totalPages) {
    }

    @Schema(description = "A migration in a list")
    record MigrationSummary(UUID id, String reference, String accountName, Stage stage, String stageLabel,
            @Schema(description = "Who must act now, and what they must do") String whoActs, String providerName,
            Instant raisedAt, Instant changedAt) {

        static MigrationSummary of(Migration migration) {
            return new MigrationSummary(migration.id(), migration.reference(), migration.accountName(),
                    migration.stage(), migration.stage().label(), migration.whoActs(), migration.providerName(),
                    migration.raisedAt(), migration.changedAt());
        }
    }

    @Schema(description = "One licensed product of the source account: the hybrid tenant (edition and hybrid "
            + "workloads) or a SaaS & endpoints product, with its licence expiry date")
    record LicensedProduct(@Schema(example = "HYBRID_WORKLOADS",
            description = "HYBRID_WORKLOADS, MICROSOFT_365, GOOGLE_WORKSPACE or ENDPOINTS") String product,
            Edition edition, Set<Workload> workloads, LocalDate expiresOn) {

        static List<LicensedProduct> of(Licence licence) {
            List<LicensedProduct> products = new ArrayList<>();
            licence.hybridTenant().ifPresent(hybrid -> products.add(new LicensedProduct("HYBRID_WORKLOADS",
                    hybrid.edition(), hybrid.workloads(), hybrid.expiresOn())));
            licence.saas().forEach((workload, expiresOn) -> products.add(new LicensedProduct(workload.name(), null,
                    Set.of(workload), expiresOn)));
            return products;
        }
    }

    @Schema(description = "A migration with its licensed products and history")
    record MigrationDetails(UUID id, String reference, String accountName, Stage stage, String stageLabel,
            String whoActs, UUID providerId, String providerName, String raisedBy,
            @Schema(description = "Workflow 1 (any hybrid workload): the operator finalises after verification; "
                    + "otherwise verification completes the migration") boolean needsFinalising,
            List<LicensedProduct> licensedProducts, String cloudAdministratorEmail, UUID handlerAccountId,
            String handlerEmail, UUID preparedPlanId, UUID selectedPlanId, UUID customerId,
            Instant verificationTokenExpiresAt, Instant raisedAt, Instant changedAt, int version,
            List<MigrationHistoryEntry> history) {

        static MigrationDetails of(Migration migration, List<MigrationHistoryEntry> history) {
            return new MigrationDetails(migration.id(), migration.reference(), migration.accountName(),
                    migration.stage(), migration.stage().label(), migration.whoActs(), migration.providerId(),
                    migration.providerName(), migration.raisedBy(), migration.licence().needsFinalising(),
                    LicensedProduct.of(migration.licence()), migration.cloudAdministratorEmail(),
                    migration.handlerAccountId(), migration.handlerEmail(), migration.preparedPlanId(),
                    migration.selectedPlanId(), migration.customerId(), migration.verificationTokenExpiresAt(),
                    migration.raisedAt(), migration.changedAt(), migration.version(), history);
        }
    }

    @Schema(description = "An MSP administrator who may be nominated to handle the migration")
    record Handler(UUID id, String email, String displayName) {
    }

    record PlanChoices(List<PlanChoice> items) {
    }

    record Handlers(List<Handler> items) {
    }

    @GetMapping
    @Operation(summary = "A page of the MSP's migrations, newest first, optionally at one stage or matching a text")
    MigrationPage list(@ParameterObject Filters filters) {
        List<RejectedInput> refusals = new ArrayList<>();
        Optional<Stage> stage = Optional.ofNullable(parsed(refusals, filters.stage(), MigrationApi::stage));
        Integer page = parsed(refusals, filters.page(), text -> wholeNumber("page", text));
        Integer size = parsed(refusals, filters.size(), text -> wholeNumber("size", text));
        if (!refusals.isEmpty()) {
            throw new RejectedInputs(refusals);
        }
        int pageNumber = Math.max(page == null ? 0 : page, 0);
        int pageSize = Math.min(Math.max(size == null ? DEFAULT_PAGE_SIZE : size, 1), MAX_PAGE_SIZE);
        Page<Migration> found = migrations.list(stage.map(Set::of).orElse(Set.of()),
                filters.q() == null ? "" : filters.q(), PageRequest.of(pageNumber, pageSize));
        return new MigrationPage(found.getContent().stream().map(MigrationSummary::of).toList(), pageNumber, pageSize,
                found.getTotalElements(), found.getTotalPages());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A migration: its stage, who must act, the licensed products and its history")
    MigrationDetails get(@PathVariable UUID id) {
        return details(migrations.get(id));
    }

    @GetMapping("/{id}/handlers")
    @Operation(summary = "The MSP administrators who may be nominated to handle the migration")
    Handlers handlers(@PathVariable UUID id) {
        return new Handlers(migrations.handlers(id).stream()
                .map((Administrator admin) -> new Handler(admin.id(), admin.email(), admin.displayName())).toList());
    }

    @GetMapping("/{id}/plan-choices")
    @Operation(summary = "The MSP's active plans, those compatible with the licence first and marked",
            description = "A plan is compatible when its edition is the hybrid tenant's (any, without one) and its "
                    + "workloads cover every licensed workload. Verification accepts compatible plans only.")
    PlanChoices planChoices(@PathVariable UUID id) {
        return new PlanChoices(migrations.planChoices(id));
    }

    @PostMapping(path = "/{id}/nomination", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Nominate the customer's cloud administrator and the handler (action required → "
            + "customer approval)", description = "The cloud administrator is emailed the approval link and the "
            + "handler is told the migration is coming to them. Send an Idempotency-Key header to make a retry safe.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = NominationBody.class)))
    ResponseEntity<?> nominate(@PathVariable UUID id, @RequestBody byte[] body,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) Optional<String> key) {
        MigrationJson fields = MigrationJson.read(body, json);
        Nomination nomination = new Nomination(
                fields.text("cloudAdministratorEmail", "Enter the customer's cloud administrator's email."),
                fields.id("handlerAccountId", "Choose one of your active MSP administrators to handle the migration."),
                fields.id("preparedPlanId", null));
        if (nomination.cloudAdministratorEmail() != null) {
            fields.check(() -> EmailAddress.checked("cloudAdministratorEmail", nomination.cloudAdministratorEmail()));
        }
        fields.throwIfAny();
        return action(id, "nomination", key, nomination, () -> migrations.nominate(id, nomination));
    }

    @PostMapping(path = "/{id}/verification", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify with the emailed token and a compatible plan (MSP verification → finalising or "
            + "completed)", description = "Only the nominated handler may, signed in or with an API key they "
            + "created. The customer is created with the plan, region and credit quota; without hybrid workloads "
            + "the migration completes at once. An expired token is refused: the platform operator re-issues it. "
            + "Send an Idempotency-Key header to make a retry safe.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = VerificationBody.class)))
    ResponseEntity<?> verify(@PathVariable UUID id, @RequestBody byte[] body,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) Optional<String> key) {
        MigrationJson fields = MigrationJson.read(body, json);
        Verification verification = new Verification(
                fields.text("token", "Enter the verification token from the email."),
                fields.id("servicePlanId", "Choose a plan compatible with the licence."),
                fields.text("storageRegion", "Choose a storage region."),
                fields.decimal("creditQuota", "Enter the customer's credit quota."));
        fields.throwIfAny();
        return action(id, "verification", key, verification, () -> migrations.verify(id, verification));
    }

    @PostMapping(path = "/{id}/licence-plan", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a plan pre-filled from the licence", description = "The hybrid tenant's edition "
            + "(Business without one), every licensed workload, monthly usage reports. Send an Idempotency-Key "
            + "header to make a retry safe.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = LicencePlanBody.class)))
    ResponseEntity<?> createPlanFromLicence(@PathVariable UUID id, @RequestBody byte[] body,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) Optional<String> key) {
        MigrationJson fields = MigrationJson.read(body, json);
        String name = fields.text("name", "Name the plan.");
        fields.throwIfAny();
        return idempotency.once(key, "POST " + PATH + "/" + id + "/licence-plan", name, () -> {
            ServicePlan plan = migrations.createPlanFromLicence(id, name);
            return ResponseEntity.created(URI.create("/api/v1/service-plans/" + plan.id())).body(plan);
        });
    }

    /** A move the migration's stage does not allow: someone moved it first, or it is over. */
    @ExceptionHandler(IllegalTransition.class)
    ProblemDetail illegalTransition(IllegalTransition cause) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, cause.getMessage());
        problem.setProperty("stage", cause.from());
        return problem;
    }

    /** Something that is not an id names no migration: the same 404 as another MSP's id. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail malformedId() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, new NotFound("migration").getMessage() + ".");
    }

    private ResponseEntity<?> action(UUID id, String name, Optional<String> key, Object request,
            Supplier<Migration> move) {
        return idempotency.once(key, "POST " + PATH + "/" + id + "/" + name, request,
                () -> ResponseEntity.ok(details(move.get())));
    }

    private MigrationDetails details(Migration migration) {
        return MigrationDetails.of(migration, migrations.history(migration.id()));
    }

    private static <T> T parsed(List<RejectedInput> refusals, String text, java.util.function.Function<String, T> parse) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse.apply(text.strip());
        } catch (RejectedInput refused) {
            refusals.add(refused);
            return null;
        }
    }

    private static Stage stage(String text) {
        return Arrays.stream(Stage.values()).filter(stage -> stage.name().equals(text)).findFirst()
                .orElseThrow(() -> new RejectedInput("stage", "Unknown stage. Use one of: "
                        + Arrays.stream(Stage.values()).map(Enum::name).collect(Collectors.joining(", ")) + "."));
    }

    private static int wholeNumber(String field, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            throw new RejectedInput(field, "Send a whole number.");
        }
    }

    // --- documentation of the bodies ------------------------------------------------------------

    @Schema(description = "The MSP's nomination")
    record NominationBody(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "it@customer.example",
                    description = "Receives the approval link") String cloudAdministratorEmail,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "One of GET /{id}/handlers")
            UUID handlerAccountId,
            @Schema(description = "A plan the MSP means to use, to offer at verification") UUID preparedPlanId) {
    }

    @Schema(description = "The handler's verification")
    record VerificationBody(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "The token from the email") String token,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "A plan marked compatible in GET "
                    + "/{id}/plan-choices") UUID servicePlanId,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "eu-central-1") String storageRegion,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "100", minimum = "0", exclusiveMinimum = true)
            BigDecimal creditQuota) {
    }

    @Schema(description = "The new plan's name")
    record LicencePlanBody(@Schema(requiredMode = RequiredMode.REQUIRED, example = "Migrated Enterprise") String name) {
    }
}
