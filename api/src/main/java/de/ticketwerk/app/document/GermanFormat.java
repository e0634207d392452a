package de.ticketwerk.app.document;

import de.ticketwerk.invoice.api.InvoiceLine;
import de.ticketwerk.pricing.api.Settlement;
import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.WorkMode;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Amounts, dates and minutes as German readers expect them on a document: {@code 1.234,56 €}, {@code 01.04.2026}. */
public final class GermanFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.GERMANY);
    private static final Map<Settlement, String> SETTLEMENTS = Map.of(Settlement.MONEY, "nach Aufwand",
            Settlement.QUOTA, "Kontingent", Settlement.COVERED, "im Servicevertrag enthalten", Settlement.NOT_BILLABLE,
            "nicht berechnet");

    /** The service catalogue as seed 004 names it. */
    private static final Map<ServiceItem, String> SERVICE_ITEMS = new EnumMap<>(Map.ofEntries(
            Map.entry(ServiceItem.MONITORING, "24/7 Monitoring"),
            Map.entry(ServiceItem.HOTLINE, "Servicehotline"),
            Map.entry(ServiceItem.REMOTE_ACCESS, "Fernwartungstool / Remote Access"),
            Map.entry(ServiceItem.TICKET_SYSTEM, "Ticketsystem"),
            Map.entry(ServiceItem.DOCUMENTATION, "Fortlaufende Dokumentation"),
            Map.entry(ServiceItem.ANTIVIRUS_CHECK, "Prüfung des Virenschutzes"),
            Map.entry(ServiceItem.PATCH_MANAGEMENT, "Patchmanagement"),
            Map.entry(ServiceItem.STANDARD_SOFTWARE, "Installation von Standard-Software"),
            Map.entry(ServiceItem.BACKUP_CHECK, "Backup-Prüfung"),
            Map.entry(ServiceItem.DEVICE_ADMIN, "Wartung / Administration IT-Geräte"),
            Map.entry(ServiceItem.REMOTE_SUPPORT, "Remote-Support"),
            Map.entry(ServiceItem.FIXED_CONTACT, "Fester Ansprechpartner"),
            Map.entry(ServiceItem.MONTHLY_REPORT, "Monatliches Reporting"),
            Map.entry(ServiceItem.ONSITE_SUPPORT, "Onsite-Support"),
            Map.entry(ServiceItem.SERVER_ADMIN, "Wartung / Administration Server"),
            Map.entry(ServiceItem.NEW_HW_SW_SETUP, "Einrichtung neuer Hard- oder Software"),
            Map.entry(ServiceItem.USER_ADMIN, "Benutzer- und Rechteverwaltung"),
            Map.entry(ServiceItem.BUSINESS_SOFTWARE, "Installation / Update Business-Software"),
            Map.entry(ServiceItem.CONSULTING, "Beratung Hardware / Software"),
            Map.entry(ServiceItem.INVENTORY, "Inventarisierung"),
            Map.entry(ServiceItem.BUDGET_PLANNING, "Budgetplanung / IT-Jahresgespräch"),
            Map.entry(ServiceItem.PROJECT, "Projekt"),
            Map.entry(ServiceItem.HARDWARE_REPAIR, "Hardware-Reparatur"),
            Map.entry(ServiceItem.DATA_RECOVERY, "Datenrettung")));
    private static final Map<Role, String> ROLES = new EnumMap<>(Map.of(Role.TECHNICIAN, "Techniker",
            Role.SYSTEM_ENGINEER, "Systemingenieur", Role.CONSULTANT, "Berater", Role.ARCHITECT, "Architekt"));
    private static final Map<WorkMode, String> MODES = new EnumMap<>(Map.of(WorkMode.REMOTE, "remote",
            WorkMode.ONSITE, "vor Ort"));

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

    /** What the work was, e.g. "Remote-Support, Techniker, vor Ort". */
    public String work(ServiceItem item, Role role, WorkMode mode) {
        return serviceItem(item) + ", " + ROLES.get(role) + ", " + MODES.get(mode);
    }

    /** The same from the names a read model keeps. */
    public String workNamed(String item, String role, String mode) {
        return work(item == null ? null : ServiceItem.valueOf(item), Role.valueOf(role), WorkMode.valueOf(mode));
    }

    public String serviceItem(ServiceItem item) {
        return item == null ? "ohne Leistung" : SERVICE_ITEMS.get(item);
    }

    public String serviceItemNamed(String item) {
        return serviceItem(item == null ? null : ServiceItem.valueOf(item));
    }

    public String settlementNamed(String settlement) {
        return settlement(Settlement.valueOf(settlement));
    }

    /** {@code 2:10 h} for 130 minutes. */
    public String hours(long minutes) {
        return "%s%d:%02d h".formatted(minutes < 0 ? "−" : "", Math.abs(minutes) / 60, Math.abs(minutes) % 60);
    }
}
