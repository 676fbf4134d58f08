package org.mspportal.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mspportal.shared.RejectedInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which receiver addresses count as inside the portal's own machine or network. */
class PrivateAddressesTests {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fd12:3456::1", "::ffff:10.0.0.1"})
    void loopbackPrivateLinkLocalAndSharedAddressesArePrivate(String address) throws UnknownHostException {
        assertThat(PrivateAddresses.isPrivate(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "100.128.0.1", "172.32.0.1", "2606:4700::1111"})
    void addressesOnTheInternetArePublic(String address) throws UnknownHostException {
        assertThat(PrivateAddresses.isPrivate(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://169.254.169.254/latest/meta-data", "https://10.0.0.5/hooks",
            "https://[fd00::5]/hooks", "https://LOCALHOST:8443/hooks", "https://127.1.2.3/hooks"})
    void aTypedPrivateAddressIsAFieldError(String url) {
        assertThatThrownBy(() -> PrivateAddresses.refuseTyped(url))
                .isInstanceOf(RejectedInput.class)
                .hasMessageContaining("Use a public address")
                .extracting(refused -> ((RejectedInput) refused).field()).isEqualTo("url");
    }

    @Test
    void aHostNameOrPublicAddressIsLeftToTheCheckBeforeEachDelivery() {
        assertThatCode(() -> PrivateAddresses.refuseTyped("https://psa.example.com/hooks")).doesNotThrowAnyException();
        assertThatCode(() -> PrivateAddresses.refuseTyped("https://93.184.215.14/hooks")).doesNotThrowAnyException();
    }

    @Test
    void aNameResolvingToLoopbackIsRefusedBeforeDelivery() {
        assertThatThrownBy(() -> PrivateAddresses.requirePublic("https://localhost:8443/hooks"))
                .isInstanceOf(PrivateAddresses.PrivateAddressRefused.class)
                .hasMessageContaining("localhost resolves to");
    }
}
