package org.mspportal.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetSafeTests {

    @ParameterizedTest
    @ValueSource(strings = {"=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\rx"})
    void cellsAFormulaCouldStartWithGetALeadingQuote(String value) {
        assertThat(SpreadsheetSafe.cell(value)).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', value = {"Acme, Acme", "株式会社, 株式会社", "a=b, a=b", "'quoted, 'quoted"})
    void otherCellsAreLeftAsTheyAre(String value, String expected) {
        assertThat(SpreadsheetSafe.cell(value)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void missingValuesBecomeEmptyCells() {
        assertThat(SpreadsheetSafe.cell(null)).isEmpty();
        assertThat(SpreadsheetSafe.cell("")).isEmpty();
    }
}
