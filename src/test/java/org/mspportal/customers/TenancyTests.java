package org.mspportal.customers;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mspportal.customers.Refusals.refusalOf;

class TenancyTests {

    private static final LocalDate CREATED = LocalDate.of(2026, 3, 1);

    @Test
    void aNewCustomerIsAnEvaluationWhenNothingIsChosen() {
        Tenancy tenancy = Tenancy.chosenFor(null, CREATED);

        assertThat(tenancy.type()).isEqualTo(TenantType.EVALUATION);
        assertThat(tenancy).isEqualTo(Tenancy.evaluationFrom(CREATED));
    }

    @Test
    void anEvaluationRunsThirtyDaysFromTheCustomersCreation() {
        Tenancy tenancy = Tenancy.evaluationFrom(CREATED);

        assertThat(tenancy.evaluationStartsOn()).isEqualTo(CREATED);
        assertThat(tenancy.expiresOn()).contains(LocalDate.of(2026, 3, 31));
    }

    @Test
    void anEvaluationStillRunsOnItsThirtiethDay() {
        assertThat(Tenancy.evaluationFrom(CREATED).expiredOn(LocalDate.of(2026, 3, 30))).isFalse();
    }

    @Test
    void anEvaluationHasExpiredOnItsExpiryDate() {
        assertThat(Tenancy.evaluationFrom(CREATED).expiredOn(LocalDate.of(2026, 3, 31))).isTrue();
    }

    @Test
    void anEvaluationCountsTheDaysItHasLeft() {
        Tenancy tenancy = Tenancy.evaluationFrom(CREATED);

        assertThat(tenancy.daysLeftOn(CREATED)).contains(30L);
        assertThat(tenancy.daysLeftOn(LocalDate.of(2026, 3, 30))).contains(1L);
        assertThat(tenancy.daysLeftOn(LocalDate.of(2026, 5, 1))).contains(0L);
    }

    @Test
    void anEvaluationCanBeExtendedOnceByThirtyDays() {
        Tenancy extended = Tenancy.evaluationFrom(CREATED).extended();

        assertThat(extended.type()).isEqualTo(TenantType.EVALUATION);
        assertThat(extended.evaluationStartsOn()).isEqualTo(CREATED);
        assertThat(extended.expiresOn()).contains(CREATED.plusDays(60));
        assertThat(extended.isExtended()).isTrue();
    }

    @Test
    void anExpiredEvaluationCanStillBeExtendedWithinItsSixtyDays() {
        Tenancy extended = Tenancy.evaluationFrom(CREATED).extended();

        assertThat(extended.expiredOn(LocalDate.of(2026, 4, 15))).isFalse();
        assertThat(extended.expiredOn(LocalDate.of(2026, 4, 30))).isTrue();
    }

    @Test
    void anEvaluationCannotBeExtendedTwice() {
        Tenancy extended = Tenancy.evaluationFrom(CREATED).extended();

        var refusal = refusalOf(extended::extended);

        assertThat(refusal.field()).isEqualTo("tenantType");
        assertThat(refusal).hasMessageContaining("already been extended once").hasMessageContaining("60 days");
    }

    @Test
    void onlyAnUnextendedEvaluationOffersTheExtension() {
        assertThat(Tenancy.evaluationFrom(CREATED).canBeExtended()).isTrue();
        assertThat(Tenancy.evaluationFrom(CREATED).extended().canBeExtended()).isFalse();
        assertThat(Tenancy.commercial().canBeExtended()).isFalse();
        assertThat(Tenancy.sandbox().canBeExtended()).isFalse();
    }

    @Test
    void anEvaluationLongerThanSixtyDaysCannotExist() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Tenancy(TenantType.EVALUATION, CREATED, CREATED.plusDays(61)));
    }

    @Test
    void anEvaluationOfAnyOtherLengthThanThirtyOrSixtyDaysCannotExist() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Tenancy(TenantType.EVALUATION, CREATED, CREATED.plusDays(45)));
    }

    @Test
    void aCommercialTenancyCarriesNoEvaluationDates() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Tenancy(TenantType.COMMERCIAL, CREATED, CREATED.plusDays(30)));
    }

    @ParameterizedTest
    @EnumSource(value = TenantType.class, names = {"COMMERCIAL", "SANDBOX"})
    void onlyAnEvaluationCanBeExtended(TenantType type) {
        Tenancy tenancy = type == TenantType.SANDBOX ? Tenancy.sandbox() : Tenancy.commercial();

        var refusal = refusalOf(tenancy::extended);

        assertThat(refusal.field()).isEqualTo("tenantType");
        assertThat(refusal).hasMessageContaining("Only an evaluation can be extended");
    }

    @Test
    void aNewCustomerCanBeCommercialFromTheStart() {
        assertThat(Tenancy.chosenFor(TenantType.COMMERCIAL, CREATED)).isEqualTo(Tenancy.commercial());
    }

    @Test
    void sandboxCannotBeChosenForANewCustomer() {
        var refusal = refusalOf(() -> Tenancy.chosenFor(TenantType.SANDBOX, CREATED));

        assertThat(refusal.field()).isEqualTo("tenantType");
        assertThat(refusal).hasMessageContaining("Sandbox cannot be chosen");
    }

    @Test
    void anEvaluationCanBecomeCommercialBeforeItExpires() {
        Tenancy converted = Tenancy.evaluationFrom(CREATED).changedTo(TenantType.COMMERCIAL);

        assertThat(converted).isEqualTo(Tenancy.commercial());
    }

    @Test
    void anExpiredExtendedEvaluationCanStillBecomeCommercial() {
        Tenancy converted = Tenancy.evaluationFrom(CREATED).extended().convertedToCommercial();

        assertThat(converted.type()).isEqualTo(TenantType.COMMERCIAL);
        assertThat(converted.expiresOn()).isEmpty();
    }

    @Test
    void aCommercialCustomerNeverGoesBackToEvaluation() {
        var refusal = refusalOf(() -> Tenancy.commercial().changedTo(TenantType.EVALUATION));

        assertThat(refusal.field()).isEqualTo("tenantType");
        assertThat(refusal).hasMessage("A commercial customer cannot go back to evaluation.");
    }

    @Test
    void anEvaluationCannotBecomeTheSandboxByHand() {
        var refusal = refusalOf(() -> Tenancy.evaluationFrom(CREATED).changedTo(TenantType.SANDBOX));

        assertThat(refusal.field()).isEqualTo("tenantType");
        assertThat(refusal).hasMessageContaining("Sandbox cannot be chosen");
    }

    @ParameterizedTest
    @EnumSource(value = TenantType.class, names = {"EVALUATION", "COMMERCIAL"})
    void theSandboxKeepsItsTenantType(TenantType requested) {
        var refusal = refusalOf(() -> Tenancy.sandbox().changedTo(requested));

        assertThat(refusal.field()).isEqualTo("tenantType");
        assertThat(refusal).hasMessageContaining("exactly one sandbox");
    }

    @Test
    void savingAnUnchangedTenantTypeKeepsTheEvaluationDates() {
        Tenancy extended = Tenancy.evaluationFrom(CREATED).extended();

        assertThat(extended.changedTo(TenantType.EVALUATION)).isSameAs(extended);
        assertThat(extended.changedTo(null)).isSameAs(extended);
    }

    @Test
    void commercialAndSandboxTenanciesNeverExpire() {
        LocalDate farAhead = LocalDate.of(2099, 1, 1);

        assertThat(Tenancy.commercial().expiredOn(farAhead)).isFalse();
        assertThat(Tenancy.sandbox().expiredOn(farAhead)).isFalse();
        assertThat(Tenancy.commercial().expiresOn()).isEmpty();
        assertThat(Tenancy.sandbox().daysLeftOn(farAhead)).isEmpty();
    }

    @Test
    void aSandboxIsMadeByThePortalWithoutEvaluationDates() {
        Tenancy sandbox = Tenancy.sandbox();

        assertThat(sandbox.type()).isEqualTo(TenantType.SANDBOX);
        assertThat(sandbox.evaluationStartsOn()).isNull();
        assertThat(sandbox.evaluationEndsOn()).isNull();
    }
}
