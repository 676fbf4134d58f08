package org.mspportal.plans;

import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.mspportal.shared.IdempotentRequests;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.RejectedInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Service plans in the REST API. Enum values are sent by name ({@code ELITE}, {@code HALF_YEARLY},
 * {@code MICROSOFT_365}); an unknown one is refused as a field error rather than a parse error.
 */
@RestController
@Tag(name = "Service plans", description = "The MSP's service plans")
@RequestMapping("/api/v1/service-plans")
class PlanApi {

    private static final int MAX_PAGE_SIZE = 200;

    private final ServicePlanManagement plans;
    private final IdempotentRequests idempotency;

    PlanApi(ServicePlanManagement plans, IdempotentRequests idempotency) {
        this.plans = plans;
        this.idempotency = idempotency;
    }

    /** The body of a create, and of a merge-patch, where an absent field keeps its value. */
    record PlanBody(String name, String edition, String usageReportFrequency, List<String> workloads,
            Integer version) {
    }

    record PlanPage(List<ServicePlan> items, int page, int size, long totalItems, int totalPages) {
    }

    /**
     * One page of the MSP's plans by name. {@code archived=true} gives archived plans only,
     * {@code false} the others, and no parameter both. An MSP has tens of plans, not thousands,
     * so the page is cut from the whole list.
     */
    @GetMapping
    PlanPage list(@RequestParam Optional<Boolean> archived, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        int pageSize = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        int pageNumber = Math.max(page, 0);
        List<ServicePlan> matching = plans.list(true).stream()
                .filter(plan -> archived.map(wanted -> plan.archived() == wanted).orElse(true))
                .toList();
        List<ServicePlan> items = matching.stream().skip((long) pageNumber * pageSize).limit(pageSize).toList();
        return new PlanPage(items, pageNumber, pageSize, matching.size(),
                (int) Math.ceil(matching.size() / (double) pageSize));
    }

    @GetMapping("/{id}")
    ServicePlan get(@PathVariable UUID id) {
        return plans.get(id);
    }

    /** Creates a plan; a retry with the same {@code Idempotency-Key} gets the first plan back. */
    @PostMapping
    ResponseEntity<?> create(@RequestBody PlanBody body,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) Optional<String> key) {
        return idempotency.once(key, "POST /api/v1/service-plans", body, () -> {
            ServicePlan created = plans.create(new CreateServicePlan(body.name(),
                    known(body.edition(), "edition", Edition::valueOf, Edition.values()),
                    known(body.usageReportFrequency(), "usageReportFrequency", UsageReportFrequency::valueOf,
                            UsageReportFrequency.values()),
                    workloads(body.workloads())));
            return ResponseEntity.created(URI.create("/api/v1/service-plans/" + created.id())).body(created);
        });
    }

    /**
     * Changes the fields sent, as a JSON merge patch; {@code version} is required, so a change
     * made meanwhile by someone else gives 409 instead of being overwritten.
     */
    @PatchMapping(path = "/{id}", consumes = {"application/json", "application/merge-patch+json"})
    ServicePlan update(@PathVariable UUID id, @RequestBody PlanBody body) {
        ServicePlan current = plans.get(id);
        return plans.update(id, new UpdateServicePlan(body.name(),
                body.edition() == null ? current.edition()
                        : known(body.edition(), "edition", Edition::valueOf, Edition.values()),
                body.usageReportFrequency() == null ? current.usageReportFrequency()
                        : known(body.usageReportFrequency(), "usageReportFrequency", UsageReportFrequency::valueOf,
                                UsageReportFrequency.values()),
                body.workloads() == null ? current.workloads() : workloads(body.workloads()),
                body.version()));
    }

    @PostMapping("/{id}/archive")
    ServicePlan archive(@PathVariable UUID id) {
        return plans.archive(id);
    }

    @PostMapping("/{id}/unarchive")
    ServicePlan unarchive(@PathVariable UUID id) {
        return plans.unarchive(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        plans.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** Something that is not an id names no plan: the same 404 as another MSP's id. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail malformedId() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, new NotFound("service plan").getMessage() + ".");
    }

    /** The value by name; null when absent, which validation then names as missing. */
    private static <E extends Enum<E>> E known(String value, String field, Function<String, E> byName, E[] values) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return byName.apply(value.strip());
        } catch (IllegalArgumentException unknown) {
            throw new RejectedInput(field, "Unknown value \"" + value + "\". Use one of: " + names(values) + ".");
        }
    }

    private static Set<Workload> workloads(List<String> names) {
        if (names == null) {
            return Set.of();
        }
        Set<Workload> workloads = EnumSet.noneOf(Workload.class);
        for (String name : names) {
            Optional.ofNullable(known(name, "workloads", Workload::valueOf, Workload.values())).ifPresent(workloads::add);
        }
        return workloads;
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
