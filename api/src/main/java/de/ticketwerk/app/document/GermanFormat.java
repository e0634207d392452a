package de.ticketwerk.app.document;

import de.ticketwerk.invoice.api.InvoiceLine;
import de.ticketwerk.pricing.api.Settlement;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** Amounts, dates and minutes as German readers expect them on a document: {@code 1.234,56 €}, {@code 01.04.2026}. */
public final class GermanFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.GERMANY);
    private static final Map<Settlement, String> SETTLEMENTS = Map.of(Settlement.MONEY, "nach Aufwand",
            Settlement.QUOTA, "Kontingent", Settlement.COVERED, "im Servicevertrag enthalten", Settlement.NOT_BILLABLE,
            "nicht berechnet");

    public String euro(BigDecimal amount) {
        return amount(amount) + " €";
    }

    public String amount(BigDecimal amount) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY)).format(amount);
    }

    public String percent(BigDecimal percent) {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.GERMANY)).format(percent) + " %";
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String month(YearMonth month) {
        return MONTH.format(month);
    }

    public String monthOf(LocalDate day) {
        return MONTH.format(day);
    }

    /** What an invoice line bills, e.g. "Monatspauschale April 2026" or "Korrektur zu Rechnung 2026-00001: …". */
    public String line(InvoiceLine line) {
        return switch (line.kind()) {
            case FEE -> "Monatspauschale " + month(YearMonth.from(line.serviceDate()));
            case OVERAGE -> "Kontingentüberschreitung bis " + date(line.serviceDate()) + ": "
                    + hours(line.billedMinutes());
            case WORK -> "Arbeitszeit: " + line.description();
            case CORRECTION -> "Korrektur zu Rechnung " + line.corrects() + ": " + line.description();
        };
    }

    public String settlement(Settlement settlement) {
        return SETTLEMENTS.get(settlement);
    }

    public String settlementNamed(String settlement) {
        return settlement(Settlement.valueOf(settlement));
    }

    /** {@code 2:10 h} for 130 minutes. */
    public String hours(long minutes) {
        return "%s%d:%02d h".formatted(minutes < 0 ? "−" : "", Math.abs(minutes) / 60, Math.abs(minutes) % 60);
    }
}
