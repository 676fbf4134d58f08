package org.mspportal.identity;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Recognisable names for the browsers in the sign-in list. */
class BrowserNameTests {

    @Test
    void firefoxOnWindows() {
        assertThat(name("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"))
                .isEqualTo("Firefox on Windows");
    }

    @Test
    void edgeIsNotMistakenForTheChromeItAlsoClaimsToBe() {
        assertThat(name("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0")).isEqualTo("Edge on Windows");
    }

    @Test
    void chromeIsNotMistakenForTheSafariItAlsoClaimsToBe() {
        assertThat(name("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36")).isEqualTo("Chrome on macOS");
    }

    @Test
    void safariOnAnIphone() {
        assertThat(name("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
                + "Gecko) Version/18.1 Mobile/15E148 Safari/604.1")).isEqualTo("Safari on iOS");
    }

    @Test
    void androidIsNotMistakenForTheLinuxItAlsoClaimsToBe() {
        assertThat(name("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Mobile Safari/537.36")).isEqualTo("Chrome on Android");
    }

    @Test
    void somethingUnknownOrMissingSaysSo() {
        assertThat(name("TotallyCustomAgent/1.0")).isEqualTo("Unknown browser");
        assertThat(BrowserName.of(Optional.empty())).isEqualTo("Unknown browser");
        assertThat(name("  ")).isEqualTo("Unknown browser");
    }

    private static String name(String userAgent) {
        return BrowserName.of(Optional.of(userAgent));
    }
}
