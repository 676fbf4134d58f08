package org.mspportal.migration;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mspportal.plans.Edition;
import org.mspportal.plans.Workload;

import static org.assertj.core.api.Assertions.assertThat;

/** The licence dates of a migrated customer: the later tenant for SaaS & endpoints, three years at most. */
class MigratedLicenceTests {

    static final LocalDate COMPLETED = LocalDate.of(2026, 11, 23);

    @Test
    void saasAppsAndEndpointsTakeTheHybridTenantsLaterDate() {
        Licence licence = new Licence(hybrid(LocalDate.of(2028, 6, 30)),
                Map.of(Workload.MICROSOFT_365, LocalDate.of(2027, 1, 31), Workload.ENDPOINTS, LocalDate.of(2027, 3, 1)));

        MigratedLicence migrated = MigratedLicence.of(licence, COMPLETED);

        assertThat(migrated.saasExpiresOn()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Workload.MICROSOFT_365, LocalDate.of(2028, 6, 30), Workload.ENDPOINTS, LocalDate.of(2028, 6, 30)));
        assertThat(migrated.hybridExpiresOn()).isEqualTo(LocalDate.of(2028, 6, 30));
        assertThat(migrated.customerExpiresOn()).isEqualTo(LocalDate.of(2028, 6, 30));
    }

    @Test
    void theHybridTenantKeepsItsOwnEarlierDateWhileSaasTakesTheLaterOne() {
        Licence licence = new Licence(hybrid(LocalDate.of(2027, 2, 1)),
                Map.of(Workload.GOOGLE_WORKSPACE, LocalDate.of(2027, 2, 2)));

        MigratedLicence migrated = MigratedLicence.of(licence, COMPLETED);

        assertThat(migrated.hybridExpiresOn()).isEqualTo(LocalDate.of(2027, 2, 1));
        assertThat(migrated.saasExpiresOn()).containsEntry(Workload.GOOGLE_WORKSPACE, LocalDate.of(2027, 2, 2));
        assertThat(migrated.customerExpiresOn()).isEqualTo(LocalDate.of(2027, 2, 2));
    }

    @Test
    void withOneTenantOnlyTheSaasProductsTakeThatTenantsLatestDate() {
        Licence licence = new Licence(null, Map.of(Workload.MICROSOFT_365, LocalDate.of(2027, 5, 1),
                Workload.ENDPOINTS, LocalDate.of(2027, 4, 1)));

        MigratedLicence migrated = MigratedLicence.of(licence, COMPLETED);

        assertThat(migrated.saasExpiresOn().values()).containsOnly(LocalDate.of(2027, 5, 1));
        assertThat(migrated.hybridExpiresOn()).isNull();
    }

    @Test
    void anExpiryExactlyThreeYearsAfterCompletionStays() {
        LocalDate threeYears = COMPLETED.plusYears(3);

        MigratedLicence migrated = MigratedLicence.of(new Licence(hybrid(threeYears),
                Map.of(Workload.MICROSOFT_365, threeYears)), COMPLETED);

        assertThat(migrated.hybridExpiresOn()).isEqualTo(threeYears);
        assertThat(migrated.saasExpiresOn()).containsEntry(Workload.MICROSOFT_365, threeYears);
        assertThat(migrated.customerExpiresOn()).isEqualTo(LocalDate.of(2029, 11, 23));
    }

    @Test
    void anExpiryOneDayPastThreeYearsIsCutToThreeYears() {
        LocalDate dayAfter = COMPLETED.plusYears(3).plusDays(1);

        MigratedLicence migrated = MigratedLicence.of(new Licence(hybrid(dayAfter),
                Map.of(Workload.ENDPOINTS, LocalDate.of(2027, 1, 1))), COMPLETED);

        assertThat(migrated.hybridExpiresOn()).isEqualTo(LocalDate.of(2029, 11, 23));
        assertThat(migrated.saasExpiresOn()).containsEntry(Workload.ENDPOINTS, LocalDate.of(2029, 11, 23));
        assertThat(migrated.customerExpiresOn()).isEqualTo(LocalDate.of(2029, 11, 23));
    }

    @Test
    void theLaterTenantIsTakenBeforeTheCutSoTheCutAppliesToIt() {
        Licence licence = new Licence(hybrid(LocalDate.of(2035, 1, 1)),
                Map.of(Workload.MICROSOFT_365, LocalDate.of(2027, 1, 1)));

        MigratedLicence migrated = MigratedLicence.of(licence, COMPLETED);

        assertThat(migrated.saasExpiresOn()).containsEntry(Workload.MICROSOFT_365, LocalDate.of(2029, 11, 23));
    }

    @Test
    void threeYearsFromALeapDayEndsOnTheLastDayOfFebruary() {
        LocalDate leapDay = LocalDate.of(2028, 2, 29);

        MigratedLicence migrated = MigratedLicence.of(new Licence(null,
                Map.of(Workload.ENDPOINTS, LocalDate.of(2031, 3, 1))), leapDay);

        assertThat(migrated.customerExpiresOn()).isEqualTo(LocalDate.of(2031, 2, 28));
    }

    @Test
    void aPlanIsCompatibleWhenItsEditionIsTheHybridTenantsAndItsWorkloadsCoverTheLicence() {
        Licence licence = new Licence(hybrid(LocalDate.of(2027, 1, 1)),
                Map.of(Workload.MICROSOFT_365, LocalDate.of(2027, 1, 1)));

        assertThat(licence.compatibleWith(Edition.ENTERPRISE,
                EnumSet.of(Workload.VMWARE, Workload.NAS, Workload.MICROSOFT_365, Workload.ENDPOINTS))).isTrue();
        assertThat(licence.compatibleWith(Edition.BUSINESS,
                EnumSet.of(Workload.VMWARE, Workload.NAS, Workload.MICROSOFT_365))).isFalse();
        assertThat(licence.compatibleWith(Edition.ENTERPRISE, EnumSet.of(Workload.VMWARE, Workload.NAS))).isFalse();
    }

    @Test
    void withoutAHybridTenantAnyEditionIsCompatible() {
        Licence licence = new Licence(null, Map.of(Workload.ENDPOINTS, LocalDate.of(2027, 1, 1)));

        assertThat(licence.compatibleWith(Edition.BUSINESS, EnumSet.of(Workload.ENDPOINTS))).isTrue();
        assertThat(licence.compatibleWith(Edition.ELITE, EnumSet.of(Workload.ENDPOINTS, Workload.NAS))).isTrue();
        assertThat(licence.needsFinalising()).isFalse();
    }

    static Licence.HybridTenant hybrid(LocalDate expiresOn) {
        return new Licence.HybridTenant(Edition.ENTERPRISE, EnumSet.of(Workload.VMWARE, Workload.NAS), expiresOn);
    }
}
