package org.mspportal.identity;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void elevenCharactersAreTooFew() {
        assertThat(policy.problemWith("Zq8#vL2!mW4", List.of())).get().asString().contains("at least 12");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "123456789012", "qwertyuiopas", "iloveyou2024", "aaaaaaaaaaaa",
            "abcdefghijkl", "Password1234!"})
    void commonAndPatternedPasswordsAreRefused(String common) {
        assertThat(policy.problemWith(common, List.of())).get().asString().contains("too easy to guess");
    }

    @Test
    void thePersonsOwnEmailIsRefusedAsAPassword() {
        assertThat(policy.problemWith("zoe.yamada@msp.example", List.of("zoe.yamada@msp.example")))
                .isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "Zoë 山田 backs up 42 tenants", "пароль-из-трёх-слов-лес",
            "🦊 jumps over 🐕 at dawn"})
    void longUnusualPassphrasesInAnyScriptAreAccepted(String passphrase) {
        assertThat(policy.problemWith(passphrase, List.of())).isEmpty();
    }

    @Test
    void lengthIsCountedInCharactersNotBytes() {
        String twelveKanji = "東京大阪名古屋札幌福岡仙";
        assertThat(twelveKanji.codePointCount(0, twelveKanji.length())).isEqualTo(12);
        assertThat(policy.problemWith(twelveKanji, List.of())).isEmpty();
    }

    @Test
    void passwordsUpTo256CharactersAreAcceptedAndLongerOnesRefused() {
        String longest = "horse battery ".repeat(18) + "stapl";
        assertThat(longest).hasSize(257);
        assertThat(policy.problemWith(longest.substring(0, 256), List.of())).isEmpty();
        assertThat(policy.problemWith(longest, List.of())).get().asString().contains("at most 256");
    }

    @Test
    void spacesAloneAreNotAPassword() {
        assertThat(policy.problemWith(" ".repeat(20), List.of())).isPresent();
    }
}
