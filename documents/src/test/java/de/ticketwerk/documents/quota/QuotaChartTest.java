package de.ticketwerk.documents.quota;

import de.ticketwerk.projections.quota.Statements.MonthBalance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaChartTest {

    @ParameterizedTest(name = "{0} min → a tick every {1} h")
    @CsvSource({"0, 1", "480, 2", "1200, 5", "1440, 10", "1700, 10", "6000, 50", "24000, 100", "30000, 200"})
    void ticksAreOneTwoOrFiveTimesAPowerOfTenHours(long rangeMinutes, long hours) {
        assertThat(QuotaChart.tickStep(rangeMinutes)).isEqualTo(hours * 60);
    }

    @Test
    void creditsAndUseAreBarsFromTheZeroLineAndTheBalanceALineThatGoesBelowIt() {
        QuotaChart chart = QuotaChart.of(List.of(
                month(1, 1440, 0, 1440),
                month(2, 0, 300, 1140),
                month(3, 0, 1400, -260)));

        assertThat(chart.ticks()).extracting(QuotaChart.Tick::label)
                .containsExactly("-10 h", "0 h", "10 h", "20 h", "30 h");
        assertThat(chart.zeroY()).isEqualTo(152.5);
        assertThat(chart.columns()).extracting(QuotaChart.Column::label).containsExactly("Jan. 26", "Feb. 26", "März 26");
        QuotaChart.Column january = chart.columns().get(0);
        assertThat(january.credited()).isEqualTo(new QuotaChart.Bar(93.4, 38.5, 57.6, 114.0));
        assertThat(january.used().height()).isZero();
        QuotaChart.Column february = chart.columns().get(1);
        assertThat(february.used()).isEqualTo(new QuotaChart.Bar(345.0, 128.8, 57.6, 23.7));
        assertThat(chart.balanceLine()).isEqualTo("152.0,38.5 344.0,62.3 536.0,173.1");
        assertThat(chart.columns().get(2).balanceY()).as("below the zero line").isGreaterThan(chart.zeroY());
    }

    @Test
    void aQuotaWithoutMinutesStillHasAScale() {
        QuotaChart chart = QuotaChart.of(List.of(month(1, 0, 0, 0)));
        assertThat(chart.ticks()).extracting(QuotaChart.Tick::label).containsExactly("0 h", "1 h");
        assertThat(chart.zeroY()).isEqualTo(QuotaChart.BOTTOM);
    }

    private static MonthBalance month(int month, long credited, long used, long balance) {
        LocalDate from = LocalDate.of(2026, month, 1);
        return new MonthBalance(from, from.withDayOfMonth(from.lengthOfMonth()), credited, used, 0, 0, balance);
    }
}
