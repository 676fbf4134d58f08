package org.mspportal.identity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuthenticatorSecretTests {

    private static AuthenticatorSecret ascii(String text) {
        return new AuthenticatorSecret(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aGeneratedSecretReadsBackFromItsBase32() {
        AuthenticatorSecret secret = AuthenticatorSecret.generate();

        assertThat(AuthenticatorSecret.fromBase32(secret.base32())).isEqualTo(secret);
    }

    @Test
    void aGeneratedSecretIsTwentyBytesWrittenAsThirtyTwoBase32Characters() {
        AuthenticatorSecret secret = AuthenticatorSecret.generate();

        assertThat(secret.bytes()).hasSize(20);
        assertThat(secret.base32()).hasSize(32).matches("[A-Z2-7]{32}");
    }

    /** RFC 4648 section 10, without the padding authenticator apps do not want. */
    @ParameterizedTest
    @CsvSource({"f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void base32MatchesTheRfc4648TestVectorsWithoutPadding(String bytes, String base32) {
        assertThat(ascii(bytes).base32()).isEqualTo(base32);
        assertThat(AuthenticatorSecret.fromBase32(base32)).isEqualTo(ascii(bytes));
    }

    @Test
    void base32IsReadWhateverItsCase() {
        assertThat(AuthenticatorSecret.fromBase32("mzxw6ytboi")).isEqualTo(ascii("foobar"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MZXW6YTBO1", "MZXW6YTBOI==", "MZXW 6YTBOI", "MZXW6YTBOJ", "MZXW6YTBO"})
    void anythingButCanonicalBase32IsRefused(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> AuthenticatorSecret.fromBase32(text));
    }

    @Test
    void theOtpauthUriNamesIssuerAccountSecretAndTheCodeParameters() {
        AuthenticatorSecret secret = ascii("foobar");

        assertThat(secret.otpauthUri("MSP Portal", "zoë+admin@example.com")).isEqualTo(
                "otpauth://totp/MSP%20Portal:zo%C3%AB%2Badmin%40example.com"
                        + "?secret=MZXW6YTBOI&issuer=MSP%20Portal&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void theOtpauthUriDecodesBackToTheIssuerAndAccount() {
        URI uri = URI.create(ascii("foobar").otpauthUri("MSP Portal", "zoë@example.com"));

        assertThat(uri.getScheme()).isEqualTo("otpauth");
        assertThat(uri.getHost()).isEqualTo("totp");
        assertThat(uri.getPath()).isEqualTo("/MSP Portal:zoë@example.com");
        assertThat(uri.getQuery()).contains("issuer=MSP Portal");
    }

    @Test
    void aColonInTheIssuerOrAccountIsRefusedBecauseAppsSplitTheLabelOnIt() {
        AuthenticatorSecret secret = AuthenticatorSecret.generate();

        assertThatIllegalArgumentException().isThrownBy(() -> secret.otpauthUri("MSP: Portal", "a@example.com"));
        assertThatIllegalArgumentException().isThrownBy(() -> secret.otpauthUri("MSP Portal", "a:b@example.com"));
    }

    @Test
    void toStringDoesNotRevealTheSecret() {
        AuthenticatorSecret secret = AuthenticatorSecret.generate();

        assertThat(secret.toString())
                .doesNotContain(secret.base32())
                .doesNotContain(secret.base32().toLowerCase())
                .doesNotContain(Arrays.toString(secret.bytes()))
                .isEqualTo("AuthenticatorSecret[hidden]");
    }

    @Test
    void twoGeneratedSecretsDiffer() {
        assertThat(AuthenticatorSecret.generate()).isNotEqualTo(AuthenticatorSecret.generate());
    }

    @Test
    void changingTheArrayItCameFromOrGaveOutDoesNotChangeTheSecret() {
        byte[] bytes = "foobar".getBytes(StandardCharsets.US_ASCII);
        AuthenticatorSecret secret = new AuthenticatorSecret(bytes);

        bytes[0] = 0;
        secret.bytes()[1] = 0;

        assertThat(secret.base32()).isEqualTo("MZXW6YTBOI");
    }

    @Test
    void anEmptySecretIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AuthenticatorSecret(new byte[0]));
    }
}
