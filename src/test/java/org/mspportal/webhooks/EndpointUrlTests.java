package org.mspportal.webhooks;

import org.junit.jupiter.api.Test;
import org.mspportal.shared.RejectedInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which addresses an endpoint may have. */
class EndpointUrlTests {

    @Test
    void anHttpsUrlIsAcceptedAsTypedWithoutSurroundingSpaces() {
        assertThat(EndpointUrl.checked("  https://psa.example.com:8443/hooks?msp=1  ", false))
                .isEqualTo("https://psa.example.com:8443/hooks?msp=1");
    }

    @Test
    void plainHttpIsRefusedEvenToLoopbackWhenTheSettingIsOff() {
        assertRefused("http://127.0.0.1:8080/hooks", false, "Use an https:// address");
    }

    @Test
    void plainHttpToLoopbackIsAcceptedWhenTheSettingIsOn() {
        assertThat(EndpointUrl.checked("http://localhost:8080/hooks", true)).isEqualTo("http://localhost:8080/hooks");
        assertThat(EndpointUrl.checked("http://127.0.0.2/hooks", true)).isEqualTo("http://127.0.0.2/hooks");
        assertThat(EndpointUrl.checked("http://[::1]:9000/hooks", true)).isEqualTo("http://[::1]:9000/hooks");
    }

    @Test
    void plainHttpToAnyOtherHostIsRefusedWhenTheSettingIsOn() {
        assertRefused("http://psa.example.com/hooks", true, "Use an https:// address");
        assertRefused("http://127.0.0.1.example.com/hooks", true, "Use an https:// address");
    }

    @Test
    void otherSchemesAndRelativeAddressesAreRefused() {
        assertRefused("ftp://psa.example.com/hooks", true, "starting with https://");
        assertRefused("/hooks", true, "starting with https://");
        assertRefused("https:///hooks", true, "starting with https://");
    }

    @Test
    void credentialsAndFragmentsAreRefused() {
        assertRefused("https://user:pass@psa.example.com/hooks", false, "user name and password");
        assertRefused("https://psa.example.com/hooks#part", false, "after #");
    }

    @Test
    void anEmptyOrOverlongAddressIsRefused() {
        assertRefused("  ", false, "Enter the HTTPS address");
        assertRefused("https://psa.example.com/" + "a".repeat(2000), false, "at most 2000");
        assertRefused("https://psa example.com/", false, "not a valid address");
    }

    private static void assertRefused(String url, boolean allowLoopbackHttp, String message) {
        assertThatThrownBy(() -> EndpointUrl.checked(url, allowLoopbackHttp))
                .isInstanceOf(RejectedInput.class)
                .hasMessageContaining(message)
                .extracting(refused -> ((RejectedInput) refused).field()).isEqualTo("url");
    }
}
