package org.mspportal.customers;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox's credit quota, from {@code portal.sandbox.credit-quota}. */
class SandboxSettingsTests {

    @Test
    void withoutASettingTheSandboxGetsOneCredit() {
        assertThat(bound(Map.of()).creditQuota()).isEqualByComparingTo("1");
    }

    @Test
    void aDeploymentMayChooseAnotherSmallQuota() {
        assertThat(bound(Map.of("portal.sandbox.credit-quota", "0.5")).creditQuota()).isEqualByComparingTo("0.5");
    }

    @Test
    void aQuotaNoCustomerCouldHaveStopsTheStartUp() {
        assertThatThrownBy(() -> bound(Map.of("portal.sandbox.credit-quota", "0")))
                .rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessage("portal.sandbox.credit-quota: The credit quota must be more than 0.");
    }

    private static SandboxSettings bound(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("portal.sandbox", SandboxSettings.class);
    }
}
