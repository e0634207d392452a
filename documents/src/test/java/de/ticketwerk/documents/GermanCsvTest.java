package de.ticketwerk.documents;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** One cell of the German CSV: numbers as numbers, texts that start like a formula as text (OWASP, CSV injection). */
class GermanCsvTest {

    static Stream<Arguments> cells() {
        return Stream.of(
                arguments("plain text", "Kanzlei Berger", "Kanzlei Berger"),
                arguments("a formula", "=1+2", "'=1+2"),
                arguments("a function", "@SUM(1+1)", "'@SUM(1+1)"),
                arguments("a hyperlink with quotes", "=HYPERLINK(\"http://x.example\")",
                        "\"'=HYPERLINK(\"\"http://x.example\"\")\""),
                arguments("a plus", "+49 251 1234560", "'+49 251 1234560"),
                arguments("a minus in a text", "-2+3", "'-2+3"),
                arguments("a tab", "\tx", "'\tx"),
                arguments("a carriage return", "\rx", "\"'\rx\""),
                arguments("a formula after a separator", "a;=1+2", "\"a;=1+2\""),
                arguments("a negative amount", new BigDecimal("-4.20"), "-4,20"),
                arguments("negative minutes", -260L, "-260"),
                arguments("a date", LocalDate.of(2026, 3, 1), "01.03.2026"),
                arguments("nothing", null, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void aCellIsWrittenSoThatASpreadsheetShowsWhatItIs(String name, Object value, String written) {
        assertThat(GermanCsv.cell(value)).isEqualTo(written);
    }
}
