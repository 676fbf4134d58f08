package org.mspportal.customers;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The deployment's storage regions, from {@code portal.storage-regions} (application.yml lists a
 * default set). A malformed or repeated entry stops the start-up, naming the entry.
 */
@ConfigurationProperties("portal")
record StorageRegionSettings(List<Entry> storageRegions) {

    record Entry(String id, String name) {
    }

    StorageRegionSettings {
        storageRegions = storageRegions == null ? List.of() : List.copyOf(storageRegions);
    }

    StorageRegions catalogue() {
        return new StorageRegions(storageRegions.stream().map(entry -> new StorageRegion(entry.id(), entry.name())).toList());
    }

    @Configuration(proxyBeanMethods = false)
    static class Catalogue {

        @Bean
        StorageRegions storageRegions(StorageRegionSettings settings) {
            return settings.catalogue();
        }
    }
}
