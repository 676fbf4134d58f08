package org.mspportal.customers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestMsps;
import org.mspportal.identity.Role;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.mspportal.shared.StoredTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.groups.Tuple.tuple;
import static org.mspportal.customers.Refusals.refusalOf;

/** Which of the deployment's storage regions an MSP offers its customers, through the façade. */
@DatabaseTest
class StorageRegionManagementTests {

    @Autowired StorageRegionManagement regions;
    @Autowired CustomerManagement customers;
    @Autowired ServicePlanManagement plans;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    UUID provider;
    UUID gold;

    @BeforeEach
    void anMspAdministratorWithAPlan() {
        provider = new TestMsps(jdbc, clock).provider();
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        gold = plans.create(new CreateServicePlan("Gold", Edition.BUSINESS, UsageReportFrequency.MONTHLY,
                EnumSet.of(Workload.NAS))).id();
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void anMspOffersEveryRegionOfTheDeploymentUntilItSwitchesOneOff() {
        assertThat(regions.list()).allSatisfy(region -> assertThat(region.enabled()).isTrue()).hasSize(6);
        assertThat(customers.storageRegions()).extracting(StorageRegion::id).containsExactly("us-east-1",
                "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "ap-northeast-1");
    }

    @Test
    void aSwitchedOffRegionIsNoLongerOfferedAndIsRefusedForANewCustomer() {
        regions.disable("eu-west-1");

        assertThat(customers.storageRegions()).extracting(StorageRegion::id).doesNotContain("eu-west-1").hasSize(5);
        var refusal = refusalOf(() -> customers.register(customerIn("eu-west-1")));
        assertThat(refusal.field()).isEqualTo("storageRegion");
        assertThat(refusal).hasMessageContaining("Europe (Ireland) (eu-west-1) is switched off");
    }

    @Test
    void aRegionSwitchedBackOnIsOfferedAgain() {
        regions.disable("eu-west-1");
        regions.enable("EU-West-1");

        assertThat(customers.register(customerIn("eu-west-1")).storageRegion()).isEqualTo("eu-west-1");
    }

    @Test
    void aCustomerCannotBeMovedToARegionTheMspSwitchedOff() {
        Customer acme = customers.register(customerIn("eu-central-1"));
        regions.disable("eu-west-1");

        var refusal = refusalOf(() -> customers.update(acme.id(), movedTo(acme, "eu-west-1")));

        assertThat(refusal.field()).isEqualTo("storageRegion");
        assertThat(customers.get(acme.id()).storageRegion()).isEqualTo("eu-central-1");
    }

    /** Happens when the deployment drops a region; written directly here, since the façade never allows it. */
    @Test
    void anUpdateKeepsACustomersRegionEvenIfTheMspNoLongerOffersIt() {
        Customer acme = customers.register(customerIn("eu-central-1"));
        jdbc.sql("INSERT INTO storage_region_switched_off (provider_id, region_id, switched_off_at)"
                        + " VALUES (:provider, 'eu-central-1', :now)")
                .param("provider", provider).param("now", StoredTime.of(clock.instant())).update();

        Customer renamed = customers.update(acme.id(), new UpdateCustomer("Acme Renamed", null, null, null, null,
                "EU-CENTRAL-1", acme.creditQuota(), acme.quotaEffectiveDate(), acme.quotaEndDate(),
                acme.licenseExpiryDate(), acme.version()));

        assertThat(renamed.storageRegion()).isEqualTo("eu-central-1");
    }

    @Test
    void aRegionInUseCannotBeSwitchedOffAndTheRefusalSaysByHowManyCustomers() {
        customers.register(customerIn("eu-central-1", "Acme"));
        customers.register(customerIn("eu-central-1", "Globex"));

        var refusal = refusalOf(() -> regions.disable("eu-central-1"));

        assertThat(refusal.field()).isEqualTo("storageRegion");
        assertThat(refusal).hasMessageContaining("2 customers store backups there");
        assertThat(customers.storageRegions()).extracting(StorageRegion::id).contains("eu-central-1");
    }

    @Test
    void theLastOfferedRegionCannotBeSwitchedOff() {
        for (String id : new String[] {"us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"}) {
            regions.disable(id);
        }

        var refusal = refusalOf(() -> regions.disable("ap-northeast-1"));

        assertThat(refusal).hasMessageContaining("the only region you offer");
        assertThat(customers.storageRegions()).extracting(StorageRegion::id).containsExactly("ap-northeast-1");
    }

    @Test
    void anotherMspsChoiceDoesNotAffectThisMsp() {
        TestMsps.actAs(new TestMsps(jdbc, clock).provider(), Role.MSP_ADMINISTRATOR);
        regions.disable("eu-west-1");
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);

        assertThat(customers.storageRegions()).extracting(StorageRegion::id).contains("eu-west-1");
        assertThat(customers.register(customerIn("eu-west-1")).storageRegion()).isEqualTo("eu-west-1");
    }

    @Test
    void theListCountsEachRegionsCustomers() {
        customers.register(customerIn("us-west-2", "Acme"));
        customers.register(customerIn("us-west-2", "Globex"));
        customers.register(customerIn("ap-southeast-2", "Initech"));

        assertThat(regions.list()).extracting(StorageRegionChoice::id, StorageRegionChoice::customers).containsExactly(
                tuple("us-east-1", 0L), tuple("us-west-2", 2L),
                tuple("eu-west-1", 0L), tuple("eu-central-1", 0L),
                tuple("ap-southeast-2", 1L),
                tuple("ap-northeast-1", 0L));
    }

    @Test
    void switchingARegionIsAuditedWithTheOfferedRegionsBeforeAndAfter() {
        regions.disable("ap-northeast-1");
        regions.enable("ap-northeast-1");

        assertThat(jdbc.sql("""
                        SELECT action FROM audit_entry WHERE provider_id = :provider AND object_type = 'storage-region'
                         ORDER BY id""")
                .param("provider", provider).query(String.class).list())
                .containsExactly("storage-region.disabled", "storage-region.enabled");
        assertThat(jdbc.sql("SELECT details FROM audit_entry WHERE provider_id = :provider"
                        + " AND action = 'storage-region.disabled'")
                .param("provider", provider).query(String.class).single())
                .contains("\"before\":{\"enabledRegions\":[\"us-east-1\",\"us-west-2\",\"eu-west-1\",\"eu-central-1\","
                        + "\"ap-southeast-2\",\"ap-northeast-1\"]}")
                .contains("\"after\":{\"enabledRegions\":[\"us-east-1\",\"us-west-2\",\"eu-west-1\",\"eu-central-1\","
                        + "\"ap-southeast-2\"]}");
    }

    @Test
    void switchingARegionTwiceChangesAndAuditsItOnce() {
        regions.disable("ap-northeast-1");
        regions.disable("ap-northeast-1");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE provider_id = :provider"
                        + " AND action = 'storage-region.disabled'")
                .param("provider", provider).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRegionTheDeploymentDoesNotListIsRefused() {
        assertThat(refusalOf(() -> regions.disable("mars-north-1")).field()).isEqualTo("storageRegion");
        assertThat(refusalOf(() -> regions.enable("mars-north-1")).field()).isEqualTo("storageRegion");
    }

    @Test
    void aReadOnlyAdministratorSeesTheRegionsButCannotSwitchThem() {
        TestMsps.actAs(provider, Role.READ_ONLY_ADMINISTRATOR);

        assertThat(regions.list()).hasSize(6);
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> regions.disable("eu-west-1"));
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> regions.enable("eu-west-1"));
    }

    private RegisterCustomer customerIn(String region) {
        return customerIn(region, "Acme");
    }

    private RegisterCustomer customerIn(String region, String name) {
        LocalDate today = LocalDate.now(clock);
        return new RegisterCustomer(name, null, null, null, gold, null, region, new BigDecimal("10"), today,
                today.plusYears(1), today.plusYears(1));
    }

    private static UpdateCustomer movedTo(Customer customer, String region) {
        return new UpdateCustomer(customer.accountName(), customer.organizationName(), customer.address(),
                customer.phoneNumber(), customer.tenantType(), region, customer.creditQuota(),
                customer.quotaEffectiveDate(), customer.quotaEndDate(), customer.licenseExpiryDate(),
                customer.version());
    }
}
