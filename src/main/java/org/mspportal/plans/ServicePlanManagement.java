package org.mspportal.plans;

import java.text.Normalizer;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.mspportal.shared.NotFound;
import org.mspportal.shared.ProviderScope;
import org.mspportal.shared.RejectedInput;
import org.mspportal.shared.StaleVersion;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caller's MSP's service plans: creating, listing, changing (everything but the name),
 * archiving and deleting them. Any administrator of the MSP reads them; only MSP administrators
 * (and API keys with the write scope) change them.
 *
 * <p>Invalid commands are refused with a {@link ConstraintViolationException} naming every bad
 * field at once, or a {@link RejectedInput} for a rule that needs the database, such as a taken name.
 */
@Service
public class ServicePlanManagement {

    static final int MAX_NAME_LENGTH = 200;
    private static final String WRITERS = "hasRole('MSP_ADMINISTRATOR') or hasAuthority('SCOPE_write')";

    private final ServicePlans plans;
    private final ObjectProvider<PlanUsage> usage;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ServicePlanManagement(ServicePlans plans, ObjectProvider<PlanUsage> usage, Validator validator,
            ApplicationEventPublisher events, Clock clock) {
        this.plans = plans;
        this.usage = usage;
        this.validator = validator;
        this.events = events;
        this.clock = clock;
    }

    /** The MSP's plans by name, with their customer counts; archived plans only if asked for. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<ServicePlan> list(boolean includeArchived) {
        UUID provider = ownProvider();
        Map<UUID, Long> customers = customersPerPlan(provider);
        return plans.ofProvider(provider, includeArchived).stream()
                .map(plan -> plan.withCustomers(customers.getOrDefault(plan.id(), 0L)))
                .toList();
    }

    /**
     * Every plan's edition, archived plans' too, without counting customers: what usage needs on
     * each batch and report, where {@link #list} would group the MSP's customers every time.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Map<UUID, Edition> editions() {
        return plans.ofProvider(ownProvider(), true).stream()
                .collect(Collectors.toMap(ServicePlans.Stored::id, ServicePlans.Stored::edition));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public ServicePlan get(UUID id) {
        return shown(visible(id));
    }

    /**
     * The plan, if a new customer (or a customer changing plans) may be put on it: it must be the
     * caller's MSP's and not archived. Refused as the customer's {@code servicePlanId} field otherwise.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public ServicePlan requireAssignable(UUID planId) {
        UUID provider = ownProvider();
        ServicePlans.Stored plan = Optional.ofNullable(planId).flatMap(plans::find)
                .filter(found -> found.providerId().equals(provider))
                .orElseThrow(() -> new RejectedInput("servicePlanId", "Choose one of your service plans."));
        if (plan.archivedAt().isPresent()) {
            throw new RejectedInput("servicePlanId",
                    "The plan \"" + plan.name() + "\" is archived. Choose another plan, or restore it first.");
        }
        return shown(plan);
    }

    @Transactional
    @PreAuthorize(WRITERS)
    public ServicePlan create(CreateServicePlan command) {
        UUID provider = ownProvider();
        CreateServicePlan clean = new CreateServicePlan(cleanName(command.name()), command.edition(),
                command.usageReportFrequency(), command.workloads());
        validate(clean);
        if (plans.nameTaken(provider, clean.name())) {
            throw new RejectedInput("name", "You already have a plan called \"" + clean.name() + "\". Choose another name.");
        }
        ServicePlans.Stored plan = new ServicePlans.Stored(UUID.randomUUID(), provider, clean.name(), clean.edition(),
                clean.usageReportFrequency(), EnumSet.copyOf(clean.workloads()), Optional.empty(), clock.instant(), 0);
        plans.add(plan);
        events.publishEvent(ServicePlanChanged.created(plan));
        return plan.withCustomers(0);
    }

    /**
     * Changes a plan's edition, report frequency and workloads; its customers get them from now on.
     *
     * @throws StaleVersion when the plan changed since the caller read {@code command.version()}
     */
    @Transactional
    @PreAuthorize(WRITERS)
    public ServicePlan update(UUID id, UpdateServicePlan command) {
        ServicePlans.Stored before = visible(id);
        validate(command);
        if (command.name() != null && !cleanName(command.name()).equals(before.name())) {
            throw new RejectedInput("name", "The name cannot be changed after the plan is created.");
        }
        if (!plans.update(id, command.version(), command.edition(), command.usageReportFrequency(),
                EnumSet.copyOf(command.workloads()))) {
            throw new StaleVersion("service plan");
        }
        ServicePlans.Stored after = visible(id);
        events.publishEvent(ServicePlanChanged.updated(before, after));
        return shown(after);
    }

    /** Hides the plan from the choice for new customers; its customers keep it. Archiving twice changes nothing. */
    @Transactional
    @PreAuthorize(WRITERS)
    public ServicePlan archive(UUID id) {
        ServicePlans.Stored plan = visible(id);
        if (plan.archivedAt().isEmpty()) {
            plans.archive(id, Optional.of(clock.instant()));
            events.publishEvent(ServicePlanChanged.archived(plan));
        }
        return shown(visible(id));
    }

    @Transactional
    @PreAuthorize(WRITERS)
    public ServicePlan unarchive(UUID id) {
        ServicePlans.Stored plan = visible(id);
        if (plan.archivedAt().isPresent()) {
            plans.archive(id, Optional.empty());
            events.publishEvent(ServicePlanChanged.unarchived(plan));
        }
        return shown(visible(id));
    }

    /** Deletes a plan nobody is on; a plan in use can only be archived, so its customers' history keeps it. */
    @Transactional
    @PreAuthorize(WRITERS)
    public void delete(UUID id) {
        ServicePlans.Stored plan = visible(id);
        long customers = customersPerPlan(plan.providerId()).getOrDefault(id, 0L);
        if (customers > 0) {
            throw new RejectedInput("servicePlan", "This plan has " + customers
                    + (customers == 1 ? " customer" : " customers") + "; archive it instead.");
        }
        plans.delete(id);
        events.publishEvent(ServicePlanChanged.deleted(plan));
    }

    private ServicePlan shown(ServicePlans.Stored plan) {
        return plan.withCustomers(customersPerPlan(plan.providerId()).getOrDefault(plan.id(), 0L));
    }

    private Map<UUID, Long> customersPerPlan(UUID provider) {
        PlanUsage source = usage.getIfAvailable();
        return source == null ? Map.of() : source.customersPerPlan(provider);
    }

    private <T> void validate(T command) {
        Set<ConstraintViolation<T>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    /**
     * Trimmed, and in Unicode normal form C, so a name typed with a combining accent and the same
     * name typed with a precomposed letter are one name.
     */
    private static String cleanName(String name) {
        return name == null ? null : Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
    }

    /** The plan, if it belongs to the caller's MSP; another MSP's id is simply not found. */
    private ServicePlans.Stored visible(UUID id) {
        UUID own = ownProvider();
        return plans.find(id).filter(plan -> plan.providerId().equals(own))
                .orElseThrow(() -> new NotFound("service plan"));
    }

    private static UUID ownProvider() {
        return ProviderScope.current().providerId().orElseThrow(() -> new NotFound("MSP"));
    }
}
