package org.mspportal.migration;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.mspportal.plans.Workload;

/**
 * The licence dates a migrated customer gets (SPEC §5, seed 004):
 * <ul>
 *   <li>SaaS apps & endpoints (Microsoft 365, Google Workspace, Endpoints) take the later of the
 *       source tenants' expiry dates, a tenant's date being the latest of its products';</li>
 *   <li>any expiry more than three years after the completion day is cut to completion + 3 years
 *       (exactly three years stays);</li>
 *   <li>the customer's one licence expiry date is the latest of the resulting product dates.</li>
 * </ul>
 *
 * @param hybridExpiresOn the hybrid workloads' expiry, or null without a hybrid tenant
 * @param saasExpiresOn each SaaS & endpoints product's expiry
 * @param customerExpiresOn the customer's licence expiry date
 */
public record MigratedLicence(LocalDate hybridExpiresOn, Map<Workload, LocalDate> saasExpiresOn,
        LocalDate customerExpiresOn) {

    static final int LONGEST_YEARS = 3;

    public MigratedLicence {
        saasExpiresOn = Collections.unmodifiableMap(saasExpiresOn.isEmpty()
                ? new EnumMap<>(Workload.class) : new EnumMap<>(saasExpiresOn));
    }

    public static MigratedLicence of(Licence licence, LocalDate completedOn) {
        LocalDate latestAllowed = completedOn.plusYears(LONGEST_YEARS);
        Optional<LocalDate> hybridTenant = licence.hybridTenant().map(Licence.HybridTenant::expiresOn);
        LocalDate hybrid = hybridTenant.map(date -> cut(date, latestAllowed)).orElse(null);
        Optional<LocalDate> laterTenant = Stream.of(hybridTenant, licence.saasTenantExpiresOn())
                .flatMap(Optional::stream).max(LocalDate::compareTo);
        Map<Workload, LocalDate> saas = new EnumMap<>(Workload.class);
        licence.saas().keySet().forEach(product -> saas.put(product, cut(laterTenant.orElseThrow(), latestAllowed)));
        LocalDate customer = Stream.concat(Stream.ofNullable(hybrid), saas.values().stream())
                .max(LocalDate::compareTo).orElseThrow();
        return new MigratedLicence(hybrid, saas, customer);
    }

    private static LocalDate cut(LocalDate expiry, LocalDate latestAllowed) {
        return expiry.isAfter(latestAllowed) ? latestAllowed : expiry;
    }
}
