package org.mspportal.customers;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mspportal.customers.Refusals.refusalOf;

class AccountNameTests {

    @ParameterizedTest
    @ValueSource(strings = {
            "株式会社ヤマダ商事",
            "شركة الخليج للتقنية",
            "Café Müller",
            "🦊 Fox Backups 🐕",
            "👩‍👩‍👧‍👦 Family Dental",
            "Ελληνική Εταιρεία",
            "O'Brien & Sons, Ltd.",
            "א"})
    void aNameInAnyScriptIsKeptAsTyped(String typed) {
        assertThat(new AccountName(typed).value()).isEqualTo(typed);
    }

    @Test
    void anAccentTypedAsACombiningMarkIsTheSameNameAsThePrecomposedOne() {
        AccountName combining = new AccountName("Cafe\u0301 Mu\u0308ller");
        AccountName precomposed = new AccountName("Caf\u00e9 M\u00fcller");

        assertThat(combining).isEqualTo(precomposed);
        assertThat(combining.value()).isEqualTo("Caf\u00e9 M\u00fcller");
    }

    @Test
    void surroundingSpacesAreDropped() {
        assertThat(new AccountName("  Acme Backups \n").value()).isEqualTo("Acme Backups");
    }

    @Test
    void surroundingNoBreakAndIdeographicSpacesAreDroppedToo() {
        assertThat(new AccountName("\u00a0\u3000ヤマダ\u00a0").value()).isEqualTo("ヤマダ");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u00a0", "\u200b", "\u200d\u200d"})
    void aNameIsRequiredAndMustHaveSomethingVisible(String typed) {
        var refusal = refusalOf(() -> new AccountName(typed));

        assertThat(refusal.field()).isEqualTo("accountName");
        assertThat(refusal).hasMessage("Enter the account name.");
    }

    @Test
    void twoHundredCharactersAreAllowed() {
        assertThat(new AccountName("a".repeat(200)).value()).hasSize(200);
    }

    @Test
    void twoHundredAndOneCharactersAreTooMany() {
        var refusal = refusalOf(() -> new AccountName("a".repeat(201)));

        assertThat(refusal.field()).isEqualTo("accountName");
        assertThat(refusal).hasMessage("Use at most 200 characters in the account name.");
    }

    @Test
    void anEmojiCountsAsOneCharacterNotTwo() {
        String twoHundredFoxes = "🦊".repeat(200);

        assertThat(twoHundredFoxes.length()).isEqualTo(400);
        assertThat(new AccountName(twoHundredFoxes).value()).isEqualTo(twoHundredFoxes);
    }

    @Test
    void theLengthIsCountedAfterCombiningAccentsAreComposed() {
        String decomposed = "e\u0301".repeat(200);

        assertThat(new AccountName(decomposed).value()).isEqualTo("\u00e9".repeat(200));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme\tBackups", "Acme\nBackups", "Acme\u0000", "Acme\u007f", "Acme\u2028Backups",
            "Acme\u0085Backups"})
    void controlCharactersAreRefused(String typed) {
        var refusal = refusalOf(() -> new AccountName(typed));

        assertThat(refusal.field()).isEqualTo("accountName");
        assertThat(refusal).hasMessageContaining("cannot contain control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme \u202eexe.txt", "\u2066Acme\u2069", "Acme\u202a"})
    void invisibleOverridesThatReverseTheTextAreRefused(String typed) {
        var refusal = refusalOf(() -> new AccountName(typed));

        assertThat(refusal.field()).isEqualTo("accountName");
        assertThat(refusal).hasMessageContaining("change the direction of the text");
    }

    @Test
    void aDirectionMarkInAMixedScriptNameIsKept() {
        String mixed = "شركة\u200f ACME";

        assertThat(new AccountName(mixed).value()).isEqualTo(mixed);
    }

    @Test
    void aBrokenHalfOfAnEmojiIsRefused() {
        var refusal = refusalOf(() -> new AccountName("Acme \ud83e"));

        assertThat(refusal).hasMessageContaining("broken character");
    }

    @Test
    void theKeyIgnoresLetterCase() {
        assertThat(new AccountName("ACME Backups").key()).isEqualTo(new AccountName("acme backups").key());
    }

    @Test
    void theKeyTreatsBothWaysOfTypingAnAccentAsOne() {
        assertThat(new AccountName("CAFE\u0301").key()).isEqualTo(new AccountName("caf\u00e9").key());
    }

    @Test
    void theKeyIgnoresHowManySpacesSeparateWords() {
        assertThat(new AccountName("Acme   Backups").key()).isEqualTo(new AccountName("Acme Backups").key());
    }

    @Test
    void theKeyDoesNotDependOnTheServersLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));

            assertThat(new AccountName("INDIGO").key()).isEqualTo("indigo");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void namesInDifferentScriptsHaveDifferentKeys() {
        assertThat(new AccountName("ヤマダ").key()).isNotEqualTo(new AccountName("やまだ").key());
    }
}
