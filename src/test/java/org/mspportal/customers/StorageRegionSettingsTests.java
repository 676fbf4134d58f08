package org.mspportal.customers;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The storage regions a deployment lists under {@code portal.storage-regions}. */
class StorageRegionSettingsTests {

    @Test
    void theConfiguredRegionsBecomeTheCatalogueInTheirOrder() {
        StorageRegions regions = bound(Map.of(
                "portal.storage-regions[0].id", "eu-west-1",
                "portal.storage-regions[0].name", "Europe (Ireland)",
                "portal.storage-regions[1].id", "us-east-1",
                "portal.storage-regions[1].name", "US East (N. Virginia)"));

        assertThat(regions.all()).containsExactly(new StorageRegion("eu-west-1", "Europe (Ireland)"),
                new StorageRegion("us-east-1", "US East (N. Virginia)"));
    }

    @Test
    void aMalformedRegionStopsTheStartUp() {
        assertThatIllegalArgumentException().isThrownBy(() -> bound(Map.of(
                "portal.storage-regions[0].id", "Frankfurt",
                "portal.storage-regions[0].name", "Europe (Frankfurt)")));
    }

    @Test
    void noRegionsConfiguredIsAnEmptyCatalogue() {
        assertThat(bound(Map.of()).all()).isEmpty();
    }

    private static StorageRegions bound(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("portal", StorageRegionSettings.class)
                .catalogue();
    }
}
