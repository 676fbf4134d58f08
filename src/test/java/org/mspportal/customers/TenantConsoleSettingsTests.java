package org.mspportal.customers;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The tenant console settings stop a start-up that could only hand out tokens nobody can check. */
class TenantConsoleSettingsTests {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void aConsoleAddressNeedsASigningKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TenantConsoleSettings(URI.create("https://console.example/in"), " ", null))
                .withMessageContaining("signing-key");
    }

    @Test
    void aKeyShorterThan256BitsIsRefused() {
        TenantConsoleSettings settings = new TenantConsoleSettings(URI.create("https://console.example/in"),
                Base64.getEncoder().encodeToString(new byte[31]), null);

        assertThatIllegalArgumentException().isThrownBy(() -> new TenantConsoleTokens(settings, java.time.Clock.systemUTC()))
                .withMessageContaining("at least 32 bytes");
    }

    @Test
    void aKeyThatIsNotBase64IsRefused() {
        TenantConsoleSettings settings = new TenantConsoleSettings(URI.create("https://console.example/in"),
                "not base64 at all!", null);

        assertThatIllegalArgumentException().isThrownBy(() -> new TenantConsoleTokens(settings, java.time.Clock.systemUTC()))
                .withMessageContaining("Base64");
    }

    @Test
    void aTokenLivesAMinuteUnlessConfiguredAndNeverMoreThanFiveMinutes() {
        assertThat(new TenantConsoleSettings(null, null, null).tokenLifetime()).isEqualTo(Duration.ofSeconds(60));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TenantConsoleSettings(null, KEY, Duration.ofMinutes(6)));
        assertThatIllegalArgumentException().isThrownBy(() -> new TenantConsoleSettings(null, KEY, Duration.ZERO));
    }
}
