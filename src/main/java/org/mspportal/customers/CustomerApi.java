package org.mspportal.customers;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mspportal.plans.Edition;
import org.mspportal.shared.IdempotentRequests;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.RejectedInput;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Customers in the REST API, shaped like the service plans API: a paged, filtered list, get,
 * create with {@code Idempotency-Key} replay, JSON merge patch carrying the {@code version} read,
 * and one POST per action (suspend, resume, evaluation extension, commercial conversion), each
 * also taking an {@code Idempotency-Key}. Enum values travel by name ({@code COMMERCIAL}).
 *
 * <p>Bodies are read field by field ({@link CustomerJson}), so one 422 answer names every value
 * that cannot be read together with those the customer rules refuse without looking at stored
 * data; the façade then checks the rest (plan, region, name taken, phone number, lengths).
 *
 * <p>A PATCH may carry {@code servicePlanId}: the plan then changes through
 * {@link CustomerManagement#changePlan}, in the same transaction as the other changes, so the move
 * is kept in the plan history and audited like one made on the customer's page.
 */
@RestController
@RequestMapping(CustomerApi.PATH)
@Tag(name = "Customers", description = "The MSP's customer tenants")
class CustomerApi {

    static final String PATH = "/api/v1/customers";
    private static final String PLAN_FIELD = "servicePlanId";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final int MAX_PAGE_SIZE = 200;
    private static final int DEFAULT_PAGE_SIZE = 50;
    /** The first date with a four-digit year: a stand-in that every real quota date comes after. */
    private static final LocalDate EARLIEST_DATE = LocalDate.of(1000, 1, 1);
    /** The {@code sort} parameter's values: JSON field names, descending with a leading minus. */
    private static final Map<String, CustomerQuery.Sort> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("name", CustomerQuery.Sort.NAME);
        SORTS.put("-name", CustomerQuery.Sort.NAME_DESCENDING);
        SORTS.put("licenseExpiryDate", CustomerQuery.Sort.LICENCE_EXPIRY);
        SORTS.put("-createdAt", CustomerQuery.Sort.NEWEST);
    }

    private final CustomerManagement customers;
    private final IdempotentRequests idempotency;
    private final JsonMapper json;
    private final Clock clock;

    CustomerApi(CustomerManagement customers, IdempotentRequests idempotency, JsonMapper json, Clock clock) {
        this.customers = customers;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    record CustomerPage(List<Customer> items, int page, int size, long totalItems, int totalPages) {
    }

    record PlanHistory(List<PlanChange> items) {
    }

    /** The list's query parameters; every one is optional and they combine. */
    record Filters(
            @Schema(description = "Part of the account or organization name, in any case")
            String q,
            String servicePlanId,
            @Schema(description = "Customers on a plan of this edition", implementation = Edition.class)
            String edition,
            @Schema(implementation = TenantType.class)
            String tenantType,
            @Schema(description = "A storage region id such as eu-central-1")
            String storageRegion,
            @Schema(implementation = CustomerStatus.class)
            String status,
            @Schema(description = "Licences still running today that expire within this many days", type = "integer")
            String expiringWithinDays,
            @Schema(description = "name (the default), -name, licenseExpiryDate or -createdAt (newest first)",
                    allowableValues = {"name", "-name", "licenseExpiryDate", "-createdAt"})
            String sort,
            @Schema(description = "Page number, from 0", type = "integer", defaultValue = "0")
            String page,
            @Schema(description = "Customers per page, at most 200", type = "integer", defaultValue = "50")
            String size) {
    }

    @GetMapping
    @Operation(summary = "A page of customers matching the filters, with the total count")
    CustomerPage list(@ParameterObject Filters filters) {
        FieldRefusals refusals = new FieldRefusals();
        CustomerQuery query = new CustomerQuery(filters.q(),
                parsed(refusals, filters.servicePlanId(), text -> CustomerJson.idIn(PLAN_FIELD, text)),
                parsed(refusals, filters.edition(), text -> CustomerJson.choiceIn("edition", Edition.class, text)),
                parsed(refusals, filters.tenantType(),
                        text -> CustomerJson.choiceIn(Tenancy.FIELD, TenantType.class, text)),
                filters.storageRegion(),
                parsed(refusals, filters.status(),
                        text -> CustomerJson.choiceIn(CustomerStatus.FIELD, CustomerStatus.class, text)),
                parsed(refusals, filters.expiringWithinDays(),
                        text -> CustomerJson.wholeNumberIn("expiringWithinDays", text)),
                parsed(refusals, filters.sort(), CustomerApi::sort));
        Integer page = parsed(refusals, filters.page(), text -> CustomerJson.wholeNumberIn("page", text));
        Integer size = parsed(refusals, filters.size(), text -> CustomerJson.wholeNumberIn("size", text));
        refusals.throwIfAny();
        int pageNumber = Math.max(page == null ? 0 : page, 0);
        int pageSize = Math.min(Math.max(size == null ? DEFAULT_PAGE_SIZE : size, 1), MAX_PAGE_SIZE);
        Page<Customer> found = customers.search(query, PageRequest.of(pageNumber, pageSize));
        return new CustomerPage(found.getContent(), pageNumber, pageSize, found.getTotalElements(),
                found.getTotalPages());
    }

    @GetMapping("/{id}")
    Customer get(@PathVariable UUID id) {
        return customers.get(id);
    }

    /** Adds a customer; a retry with the same {@code Idempotency-Key} gets the first customer back. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a customer", description = "A 30-day evaluation unless tenantType is COMMERCIAL. "
            + "Send an Idempotency-Key header to make a retry safe: the same key and body get the first "
            + "response back, the same key with another body is refused with 422.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = NewCustomer.class)))
    ResponseEntity<?> create(@RequestBody byte[] body,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) Optional<String> key) {
        RegisterCustomer command = registration(body, json, LocalDate.now(clock));
        return idempotency.once(key, "POST " + PATH, command, () -> {
            Customer created = customers.register(command);
            return ResponseEntity.created(URI.create(PATH + "/" + created.id())).body(created);
        });
    }

    /**
     * Changes the fields sent, as a JSON merge patch: an absent field keeps its value, a
     * {@code null} clears an optional one. {@code version} is required, so a change made
     * meanwhile by someone else gives 409 instead of being overwritten.
     */
    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH})
    @Transactional
    @Operation(summary = "Change a customer (JSON merge patch)", description = "Send only the fields to change, "
            + "with the version you read; a stale version gets 409. A servicePlanId moves the customer to that "
            + "plan from now on and is kept in its plan history. The status changes through suspend and resume.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = CustomerChanges.class)))
    Customer update(@PathVariable UUID id, @RequestBody byte[] body) {
        Customer current = customers.get(id);
        FieldRefusals refusals = new FieldRefusals();
        CustomerJson fields = CustomerJson.read(body, json, refusals);
        UpdateCustomer command = changes(fields, current, refusals);
        Optional<UUID> newPlan = planChange(fields, current, refusals);
        refusals.throwIfAny();
        Customer changed = current;
        int version = command.version();
        // A patch of the plan alone leaves the details, and their audit entry, untouched.
        if (newPlan.isEmpty() || fields.sentOtherThan(Set.of(PLAN_FIELD, "version"))) {
            changed = customers.update(id, command);
            version = changed.version();
        }
        if (newPlan.isPresent()) {
            changed = customers.changePlan(id, newPlan.get(), version);
        }
        return changed;
    }

    @PostMapping("/{id}/suspend")
    @Operation(summary = "Suspend a customer (reversible)")
    ResponseEntity<?> suspend(@PathVariable UUID id,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) Optional<String> key) {
        return action(id, "suspend", key, () -> customers.suspend(id));
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Resume a suspended customer")
    ResponseEntity<?> resume(@PathVariable UUID id,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) Optional<String> key) {
        return action(id, "resume", key, () -> customers.resume(id));
    }

    @PostMapping("/{id}/evaluation-extension")
    @Operation(summary = "Extend an evaluation once, by 30 days")
    ResponseEntity<?> extendEvaluation(@PathVariable UUID id,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) Optional<String> key) {
        return action(id, "evaluation-extension", key, () -> customers.extendEvaluation(id));
    }

    @PostMapping("/{id}/commercial-conversion")
    @Operation(summary = "Make an evaluation commercial, for good")
    ResponseEntity<?> convertToCommercial(@PathVariable UUID id,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) Optional<String> key) {
        return action(id, "commercial-conversion", key, () -> customers.convertToCommercial(id));
    }

    @GetMapping("/{id}/plan-history")
    @Operation(summary = "The customer's moves between service plans, oldest first")
    PlanHistory planHistory(@PathVariable UUID id) {
        return new PlanHistory(customers.planHistory(id));
    }

    /** Something that is not an id names no customer: the same 404 as another MSP's id. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail malformedId() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, new NotFound("customer").getMessage() + ".");
    }

    private ResponseEntity<?> action(UUID id, String name, Optional<String> key, Supplier<Customer> work) {
        return idempotency.once(key, "POST " + PATH + "/" + id + "/" + name, null, () -> ResponseEntity.ok(work.get()));
    }

    // --- reading bodies -------------------------------------------------------------------------

    /** Static and package-private so the fuzz test reads bodies exactly as a request does. */
    static RegisterCustomer registration(byte[] body, JsonMapper json, LocalDate today) {
        FieldRefusals refusals = new FieldRefusals();
        CustomerJson fields = CustomerJson.read(body, json, refusals);
        RegisterCustomer command = new RegisterCustomer(fields.text(AccountName.FIELD, null),
                fields.text("organizationName", null), fields.text("address", null), fields.text("phoneNumber", null),
                fields.id(PLAN_FIELD, null), fields.choice(Tenancy.FIELD, TenantType.class, null),
                fields.text(StorageRegions.FIELD, null), fields.decimal(CreditQuota.CREDITS_FIELD, null),
                fields.date(CreditQuota.EFFECTIVE_FIELD, null), fields.date(CreditQuota.END_FIELD, null),
                fields.date(LicenceExpiry.FIELD, null));
        if (command.servicePlanId() == null) {
            refusals.add(noPlan());
        }
        if (command.storageRegion() == null || command.storageRegion().isBlank()) {
            refusals.add(new RejectedInput(StorageRegions.FIELD, "Choose a storage region."));
        }
        refusals.check(() -> Tenancy.chosenFor(command.tenantType(), today));
        checkRules(refusals, command.accountName(), command.creditQuota(), command.quotaEffectiveDate(),
                command.quotaEndDate(), command.licenseExpiryDate());
        refusals.throwIfAny();
        return command;
    }

    static UpdateCustomer changes(CustomerJson fields, Customer current, FieldRefusals refusals) {
        UpdateCustomer command = new UpdateCustomer(fields.text(AccountName.FIELD, current.accountName()),
                fields.text("organizationName", current.organizationName()),
                fields.text("address", current.address()), fields.text("phoneNumber", current.phoneNumber()),
                fields.choice(Tenancy.FIELD, TenantType.class, current.tenantType()),
                fields.text(StorageRegions.FIELD, current.storageRegion()),
                fields.decimal(CreditQuota.CREDITS_FIELD, current.creditQuota()),
                fields.date(CreditQuota.EFFECTIVE_FIELD, current.quotaEffectiveDate()),
                fields.date(CreditQuota.END_FIELD, current.quotaEndDate()),
                fields.date(LicenceExpiry.FIELD, current.licenseExpiryDate()), fields.version());
        CustomerStatus status = fields.choice(CustomerStatus.FIELD, CustomerStatus.class, current.status());
        if (status != current.status()) {
            refusals.add(new RejectedInput(CustomerStatus.FIELD,
                    "Change the status with POST " + PATH + "/{id}/suspend or /resume."));
        }
        checkRules(refusals, command.accountName(), command.creditQuota(), command.quotaEffectiveDate(),
                command.quotaEndDate(), command.licenseExpiryDate());
        return command;
    }

    /**
     * The customer rules that need no stored data, each run on its own so that all of their
     * refusals are reported; the façade runs them again, with the rest, before storing anything.
     */
    private static void checkRules(FieldRefusals refusals, String accountName, BigDecimal credits,
            LocalDate quotaEffective, LocalDate quotaEnd, LocalDate licenceExpiry) {
        refusals.check(() -> new AccountName(accountName));
        // The quota stops at its first refusal, so its parts are checked apart with stand-ins for
        // the others: a bad amount must not hide bad dates, nor a missing effective date the end.
        refusals.check(() -> new CreditQuota(credits, EARLIEST_DATE, EARLIEST_DATE.plusDays(1)));
        refusals.check(() -> new CreditQuota(BigDecimal.ONE, quotaEffective, quotaEnd));
        refusals.check(() -> new CreditQuota(BigDecimal.ONE, EARLIEST_DATE, quotaEnd));
        refusals.check(() -> new LicenceExpiry(licenceExpiry));
    }

    /** The plan a patch moves the customer to, if it names one other than the current. */
    static Optional<UUID> planChange(CustomerJson fields, Customer current, FieldRefusals refusals) {
        if (!fields.has(PLAN_FIELD)) {
            return Optional.empty();
        }
        UUID plan = fields.id(PLAN_FIELD, null);
        if (plan == null) {
            refusals.add(noPlan());
            return Optional.empty();
        }
        return plan.equals(current.servicePlanId()) ? Optional.empty() : Optional.of(plan);
    }

    private static RejectedInput noPlan() {
        return new RejectedInput(PLAN_FIELD, "Choose one of your service plans.");
    }

    /** A query parameter's value; null when it is left out or blank (no filter), or refused. */
    private static <T> T parsed(FieldRefusals refusals, String text, Function<String, T> parse) {
        return text == null || text.isBlank() ? null : refusals.value(() -> parse.apply(text));
    }

    private static CustomerQuery.Sort sort(String text) {
        return Optional.ofNullable(SORTS.get(text.strip())).orElseThrow(() -> new RejectedInput("sort",
                "Sort by one of: " + String.join(", ", SORTS.keySet()) + "."));
    }

    // --- documentation of the bodies ------------------------------------------------------------

    @Schema(description = "A new customer. Dates are ISO dates (YYYY-MM-DD); creditQuota is a JSON number with "
            + "at most two decimals.")
    record NewCustomer(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "株式会社サンプル") String accountName,
            String organizationName,
            String address,
            @Schema(example = "+44 20 7946 0000") String phoneNumber,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "One of your plans, not archived")
            UUID servicePlanId,
            @Schema(description = "EVALUATION (the default: 30 days) or COMMERCIAL",
                    allowableValues = {"EVALUATION", "COMMERCIAL"}) TenantType tenantType,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "eu-central-1") String storageRegion,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "12.5", minimum = "0", exclusiveMinimum = true)
            BigDecimal creditQuota,
            @Schema(requiredMode = RequiredMode.REQUIRED) LocalDate quotaEffectiveDate,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "After quotaEffectiveDate")
            LocalDate quotaEndDate,
            @Schema(requiredMode = RequiredMode.REQUIRED) LocalDate licenseExpiryDate) {
    }

    @Schema(description = "The fields to change, as a JSON merge patch: absent fields keep their value, null "
            + "clears organizationName, address or phoneNumber.")
    record CustomerChanges(
            String accountName,
            String organizationName,
            String address,
            String phoneNumber,
            @Schema(description = "Moves the customer to this plan from now on; kept in its plan history")
            UUID servicePlanId,
            @Schema(description = "An evaluation may become COMMERCIAL; a commercial customer stays commercial")
            TenantType tenantType,
            String storageRegion,
            BigDecimal creditQuota,
            LocalDate quotaEffectiveDate,
            LocalDate quotaEndDate,
            LocalDate licenseExpiryDate,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "The version you read; a stale one gets 409")
            int version) {
    }
}
