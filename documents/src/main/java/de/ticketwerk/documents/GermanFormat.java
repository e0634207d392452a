package de.ticketwerk.documents;

import de.ticketwerk.invoice.policy.LineTexts;
import de.ticketwerk.pricing.api.Settlement;
import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.WorkMode;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** Amounts, dates and minutes as German readers expect them on a document: {@code 1.234,56 €}, {@code 01.04.2026}. */
public final class GermanFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
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

    /** An instant as a person in Germany reads it: {@code 06.03.2026, 15:00 Uhr} in Berlin time. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(BERLIN));
    }

    public String month(YearMonth month) {
        return MONTH.format(month);
    }

    public String monthOf(LocalDate day) {
        return MONTH.format(day);
    }

    public String settlement(Settlement settlement) {
        return SETTLEMENTS.get(settlement);
    }

    /** What the work was, e.g. "Remote-Support, Techniker, vor Ort". */
    public String work(ServiceItem item, Role role, WorkMode mode) {
        return LineTexts.work(item, role, mode);
    }

    /** The same from the names a read model keeps. */
    public String workNamed(String item, String role, String mode) {
        return work(item == null ? null : ServiceItem.valueOf(item), Role.valueOf(role), WorkMode.valueOf(mode));
    }

    public String serviceItem(ServiceItem item) {
        return LineTexts.serviceItem(item);
    }

    public String serviceItemNamed(String item) {
        return serviceItem(item == null ? null : ServiceItem.valueOf(item));
    }

    public String settlementNamed(String settlement) {
        return settlement(Settlement.valueOf(settlement));
    }

    /** {@code 2:10 h} for 130 minutes. */
    public String hours(long minutes) {
        return LineTexts.hours(minutes);
    }
}
