package org.mspportal.migration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stage machine: the moves SPEC §5 describes, and no other. */
class StageTests {

    @ParameterizedTest
    @CsvSource({
            "ACTION_REQUIRED, CUSTOMER_APPROVAL", "CUSTOMER_APPROVAL, MSP_VERIFICATION", "CUSTOMER_APPROVAL, DECLINED",
            "MSP_VERIFICATION, FINALISING", "MSP_VERIFICATION, COMPLETED", "FINALISING, COMPLETED",
            "ACTION_REQUIRED, CANCELLED", "CUSTOMER_APPROVAL, CANCELLED", "MSP_VERIFICATION, CANCELLED"})
    void theDescribedMovesAreAllowed(Stage from, Stage to) {
        assertThat(from.movedTo(to)).isEqualTo(to);
    }

    @ParameterizedTest
    @CsvSource({
            "ACTION_REQUIRED, MSP_VERIFICATION", "ACTION_REQUIRED, COMPLETED", "ACTION_REQUIRED, DECLINED",
            "CUSTOMER_APPROVAL, FINALISING", "CUSTOMER_APPROVAL, COMPLETED", "MSP_VERIFICATION, DECLINED",
            "FINALISING, CANCELLED", "FINALISING, DECLINED", "MSP_VERIFICATION, ACTION_REQUIRED"})
    void skippingOrGoingBackIsRefused(Stage from, Stage to) {
        assertThatThrownBy(() -> from.movedTo(to)).isInstanceOf(IllegalTransition.class)
                .hasMessageContaining(from.label()).hasMessageContaining(to.label());
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"COMPLETED", "DECLINED", "CANCELLED"})
    void anEndedMigrationMovesNowhere(Stage ended) {
        assertThat(ended.open()).isFalse();
        for (Stage next : Stage.values()) {
            assertThatThrownBy(() -> ended.movedTo(next)).isInstanceOf(IllegalTransition.class)
                    .hasMessageContaining("nothing more can be done");
        }
    }

    @Test
    void finalisingIsStillOpenSoTheAccountCannotBeMigratedTwice() {
        assertThat(Stage.FINALISING.open()).isTrue();
    }
}
