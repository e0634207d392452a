package de.ticketwerk.documents.quota;

import de.ticketwerk.projections.quota.Statements.MonthBalance;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The statements' picture of the quota (R-Q6, R-I8): per month a bar for the minutes credited and one for the minutes
 * used, and the balance after the month as a line, in the user units of an SVG {@value #WIDTH} × {@value #HEIGHT}.
 */
record QuotaChart(List<Column> columns, String balanceLine, List<Tick> ticks, double zeroY) {

    static final int WIDTH = 640;
    static final int HEIGHT = 230;
    static final int LEFT = 56;
    static final int RIGHT = 8;
    static final int TOP = 10;
    static final int BOTTOM = 200;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.GERMANY);

    record Bar(double x, double y, double width, double height) {
    }

    record Column(String label, double labelX, Bar credited, Bar used, double balanceX, double balanceY) {
    }

    record Tick(double y, String label) {
    }

    /** The frame the template draws around the columns: the SVG's view box, where axis and grid run, the labels. */
    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    public int labelY() {
        return BOTTOM + 16;
    }

    static QuotaChart of(List<MonthBalance> months) {
        long top = Math.max(0, months.stream().mapToLong(m -> max(m.credited(), m.used(), m.balance())).max()
                .orElse(0));
        long bottom = Math.min(0, months.stream().mapToLong(MonthBalance::balance).min().orElse(0));
        long step = tickStep(top - bottom);
        long high = ceil(Math.max(top, 1), step);
        long low = -ceil(-bottom, step);
        Scale scale = new Scale(low, high);
        double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, months.size());
        double barWidth = slot * 0.3;
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            MonthBalance m = months.get(i);
            double left = LEFT + i * slot;
            double middle = left + slot / 2;
            columns.add(new Column(MONTH.format(m.from()), middle,
                    scale.bar(middle - barWidth - 1, barWidth, m.credited()), scale.bar(middle + 1, barWidth, m.used()),
                    middle, scale.y(m.balance())));
        }
        List<Tick> ticks = new ArrayList<>();
        for (long value = low; value <= high; value += step) {
            ticks.add(new Tick(scale.y(value), value / 60 + " h"));
        }
        String line = columns.stream().map(c -> round(c.balanceX()) + "," + round(c.balanceY()))
                .collect(Collectors.joining(" "));
        return new QuotaChart(columns, line, ticks, scale.y(0));
    }

    /** A tick every 1, 2 or 5 × 10ⁿ hours, about four of them over the range. */
    static long tickStep(long rangeMinutes) {
        long hours = Math.max(1, rangeMinutes / 60 / 4);
        long magnitude = 1;
        while (magnitude * 10 <= hours) {
            magnitude *= 10;
        }
        long step = hours <= magnitude ? magnitude : hours <= 2 * magnitude ? 2 * magnitude
                : hours <= 5 * magnitude ? 5 * magnitude : 10 * magnitude;
        return step * 60;
    }

    private record Scale(long low, long high) {

        double y(long minutes) {
            return round(BOTTOM - (minutes - low) * (double) (BOTTOM - TOP) / (high - low));
        }

        Bar bar(double x, double width, long minutes) {
            double zero = y(0);
            double end = y(minutes);
            return new Bar(round(x), Math.min(zero, end), round(width), round(Math.abs(zero - end)));
        }
    }

    private static long max(long a, long b, long c) {
        return Math.max(a, Math.max(b, c));
    }

    private static long ceil(long value, long step) {
        return (value + step - 1) / step * step;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
