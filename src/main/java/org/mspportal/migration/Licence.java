package org.mspportal.migration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mspportal.plans.Edition;
import org.mspportal.plans.Workload;
import org.mspportal.shared.RejectedInput;
import org.mspportal.shared.RejectedInputs;

/**
 * What a source account is licensed for, as up to two source tenants with their own expiry dates
 * (SPEC §5): a hybrid tenant (edition, hybrid workloads, one expiry) and SaaS apps & endpoints
 * (Microsoft 365, Google Workspace, Endpoints, each with its expiry). At least one product.
 *
 * @param hybrid the hybrid tenant, or null when the account has none
 * @param saas the SaaS & endpoints products and their expiry dates; empty when there is no such tenant
 */
public record Licence(HybridTenant hybrid, Map<Workload, LocalDate> saas) {

    /** The hybrid tenant: one edition, the hybrid workloads it protects, one expiry date. */
    public record HybridTenant(Edition edition, Set<Workload> workloads, LocalDate expiresOn) {

        public HybridTenant {
            workloads = workloads == null || workloads.isEmpty() ? Set.of()
                    : Collections.unmodifiableSet(EnumSet.copyOf(workloads));
        }
    }

    public Licence {
        saas = saas == null || saas.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(saas));
        List<RejectedInput> problems = new ArrayList<>();
        if (hybrid != null) {
            if (hybrid.edition() == null) {
                problems.add(new RejectedInput("hybridEdition", "Choose the hybrid tenant's edition."));
            }
            if (hybrid.workloads().isEmpty()) {
                problems.add(new RejectedInput("hybridWorkloads", "Choose at least one hybrid workload."));
            } else if (hybrid.workloads().stream().anyMatch(workload -> workload.group() != Workload.Group.HYBRID)) {
                problems.add(new RejectedInput("hybridWorkloads", "Only hybrid workloads belong to the hybrid tenant."));
            }
            if (hybrid.expiresOn() == null) {
                problems.add(new RejectedInput("hybridExpiresOn", "Enter the hybrid tenant's licence expiry date."));
            }
        }
        if (saas.keySet().stream().anyMatch(workload -> workload.group() != Workload.Group.SAAS_AND_ENDPOINTS)) {
            problems.add(new RejectedInput("saas", "Only Microsoft 365, Google Workspace and Endpoints belong to the "
                    + "SaaS & endpoints tenant."));
        }
        if (hybrid == null && saas.isEmpty()) {
            problems.add(new RejectedInput("licence", "License at least one product: hybrid workloads, Microsoft 365, "
                    + "Google Workspace or Endpoints."));
        }
        if (!problems.isEmpty()) {
            throw new RejectedInputs(problems);
        }
    }

    public Optional<HybridTenant> hybridTenant() {
        return Optional.ofNullable(hybrid);
    }

    /** Every licensed workload, hybrid and SaaS. */
    public Set<Workload> workloads() {
        Set<Workload> all = EnumSet.noneOf(Workload.class);
        hybridTenant().ifPresent(tenant -> all.addAll(tenant.workloads()));
        all.addAll(saas.keySet());
        return all;
    }

    /**
     * Workflow 1 (any hybrid workload): the operator finalises after verification. Workflow 2
     * (SaaS apps & endpoints only) completes on verification.
     */
    public boolean needsFinalising() {
        return hybrid != null;
    }

    /**
     * Whether a plan can take this licence: its edition is the hybrid tenant's (any edition when
     * there is no hybrid tenant, since SaaS products carry none) and its workloads cover every
     * licensed workload.
     */
    public boolean compatibleWith(Edition planEdition, Set<Workload> planWorkloads) {
        boolean edition = hybrid == null || hybrid.edition() == planEdition;
        return edition && planWorkloads.containsAll(workloads());
    }

    /** The SaaS & endpoints tenant's expiry: the latest of its products' (empty without that tenant). */
    Optional<LocalDate> saasTenantExpiresOn() {
        return saas.values().stream().max(LocalDate::compareTo);
    }
}
