package org.mspportal.customers;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.mspportal.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deployment's storage regions each MSP has switched off. An MSP with no rows here offers
 * every region, which is what a new MSP does.
 */
@Repository
class SwitchedOffRegions {

    private final JdbcClient jdbc;

    SwitchedOffRegions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<String> of(UUID providerId) {
        return jdbc.sql("SELECT region_id FROM storage_region_switched_off WHERE provider_id = :provider")
                .param("provider", providerId)
                .query(String.class).stream().collect(Collectors.toUnmodifiableSet());
    }

    void switchOff(UUID providerId, String regionId, Instant at) {
        jdbc.sql("""
                INSERT INTO storage_region_switched_off (provider_id, region_id, switched_off_at)
                VALUES (:provider, :region, :at)""")
                .param("provider", providerId)
                .param("region", regionId)
                .param("at", StoredTime.of(at))
                .update();
    }

    void switchOn(UUID providerId, String regionId) {
        jdbc.sql("DELETE FROM storage_region_switched_off WHERE provider_id = :provider AND region_id = :region")
                .param("provider", providerId)
                .param("region", regionId)
                .update();
    }

    /**
     * Holds the MSP's choice of regions still until the transaction ends, by locking the MSP's row.
     * Switching a region off and choosing one for a customer both take this lock before they
     * look, so a customer cannot be put in a region that is being switched off at the same moment
     * (which would leave a customer in a region the MSP no longer offers), and two administrators
     * cannot switch off the last two regions at once. Row locks work alike on H2 and PostgreSQL.
     */
    void lock(UUID providerId) {
        jdbc.sql("SELECT id FROM provider WHERE id = :provider FOR UPDATE")
                .param("provider", providerId)
                .query(UUID.class).optional();
    }
}
