package org.mspportal.customers;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mspportal.customers.Refusals.refusalOf;

class StorageRegionsTests {

    private static final StorageRegion VIRGINIA = new StorageRegion("us-east-1", "US East (N. Virginia)");
    private static final StorageRegion FRANKFURT = new StorageRegion("eu-central-1", "Europe (Frankfurt)");
    private static final StorageRegion SYDNEY = new StorageRegion("ap-southeast-2", "Asia Pacific (Sydney)");

    private final StorageRegions regions = new StorageRegions(List.of(VIRGINIA, FRANKFURT, SYDNEY));

    @Test
    void theRegionsAreOfferedInTheOrderTheConfigurationListsThem() {
        assertThat(regions.all()).containsExactly(VIRGINIA, FRANKFURT, SYDNEY);
    }

    @Test
    void aListedRegionIsFoundByItsId() {
        assertThat(regions.require("eu-central-1")).isEqualTo(FRANKFURT);
    }

    @Test
    void aRegionIdIsMatchedIgnoringCaseAndSurroundingSpaces() {
        assertThat(regions.require(" EU-Central-1 ")).isEqualTo(FRANKFURT);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void aRegionMustBeChosen(String id) {
        var refusal = refusalOf(() -> regions.require(id));

        assertThat(refusal.field()).isEqualTo("storageRegion");
        assertThat(refusal).hasMessage("Choose a storage region.");
    }

    @Test
    void anUnlistedRegionIsRefused() {
        var refusal = refusalOf(() -> regions.require("mars-north-1"));

        assertThat(refusal.field()).isEqualTo("storageRegion");
        assertThat(refusal).hasMessage("That storage region is not available; choose one from the list.");
    }

    @Test
    void anMspOffersEveryRegionItHasNotSwitchedOffInCatalogueOrder() {
        StorageRegions offered = regions.except(Set.of("eu-central-1"));

        assertThat(offered.all()).containsExactly(VIRGINIA, SYDNEY);
    }

    @Test
    void aRegionTheMspSwitchedOffIsRefused() {
        var refusal = refusalOf(() -> regions.except(Set.of("eu-central-1")).require("eu-central-1"));

        assertThat(refusal.field()).isEqualTo("storageRegion");
    }

    @Test
    void aSwitchedOffIdTheCatalogueNoLongerListsIsIgnored() {
        assertThat(regions.except(Set.of("eu-west-9")).all()).containsExactly(VIRGINIA, FRANKFURT, SYDNEY);
    }

    @Test
    void aRegionListedTwiceIsAConfigurationMistake() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StorageRegions(List.of(VIRGINIA, new StorageRegion("us-east-1", "Again"))))
                .withMessageContaining("us-east-1 is listed twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-gov-west-1", "eu-central-1", "me-south-1", "ap-northeast-3"})
    void cloudStyleIdsAreAccepted(String id) {
        assertThat(new StorageRegion(id, "Somewhere").id()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"US-EAST-1", "us_east_1", "useast1", "us-east", "eu-central-1 ", "", "u-east-1"})
    void aMalformedRegionIdIsAConfigurationMistake(String id) {
        assertThatIllegalArgumentException().isThrownBy(() -> new StorageRegion(id, "Somewhere"));
    }

    @Test
    void aRegionNeedsADisplayName() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StorageRegion("us-east-1", " "));
    }
}
