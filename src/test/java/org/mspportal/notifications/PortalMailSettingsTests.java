package org.mspportal.notifications;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PortalMailSettingsTests {

    private final PortalMailSettings settings =
            new PortalMailSettings("from@x", Duration.ofSeconds(30), Duration.ofHours(1), 20, 50, Duration.ofMinutes(2),
                    Duration.ofDays(30));

    @Test
    void theWaitDoublesAfterEachFailedAttempt() {
        assertThat(settings.retryDelayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.retryDelayAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.retryDelayAfter(3)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theWaitIsCapped() {
        assertThat(settings.retryDelayAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(settings.retryDelayAfter(500)).isEqualTo(Duration.ofHours(1));
    }
}
