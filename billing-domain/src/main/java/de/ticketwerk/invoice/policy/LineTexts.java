package de.ticketwerk.invoice.policy;

import de.ticketwerk.terms.ContractType;
import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.WorkMode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * R-I8: what an invoice line says, in the German words people read on the invoice, in its e-invoice and in its JSON
 * alike (the codes stay in their own fields); the service catalogue as seed 004 names it.
 */
public final class LineTexts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.GERMANY);
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
    private static final Map<ContractType, String> CONTRACTS = new EnumMap<>(Map.of(ContractType.HOURLY,
            "Stundenvertrag", ContractType.QUOTA, "Kontingentvertrag", ContractType.SERVICE, "Servicevertrag"));

    private LineTexts() {
    }

    /** E.g. "Arbeitszeit: Wartung / Administration IT-Geräte, Techniker, vor Ort, 2:00 h". */
    public static String work(ServiceItem item, Role role, WorkMode mode, long billedMinutes) {
        return "Arbeitszeit: " + work(item, role, mode) + ", " + hours(billedMinutes);
    }

    /** E.g. "Monatspauschale April 2026, Kontingentvertrag". */
    public static String fee(YearMonth month, ContractType contract) {
        return "Monatspauschale " + MONTH.format(month) + ", " + CONTRACTS.get(contract);
    }

    /** E.g. "Kontingentüberschreitung bis 30.04.2026: 2:30 h". */
    public static String overage(LocalDate periodEnd, long minutes) {
        return "Kontingentüberschreitung bis " + DATE.format(periodEnd) + ": " + hours(minutes);
    }

    /** E.g. "Korrektur zu Rechnung 2026-00001: Arbeitszeit: …". */
    public static String correction(String invoiceNumber, String corrected) {
        return "Korrektur zu Rechnung " + invoiceNumber + ": " + corrected;
    }

    /** What the work was, e.g. "Remote-Support, Techniker, vor Ort", as the service report names it. */
    public static String work(ServiceItem item, Role role, WorkMode mode) {
        return serviceItem(item) + ", " + ROLES.get(role) + ", " + MODES.get(mode);
    }

    public static String serviceItem(ServiceItem item) {
        return item == null ? "ohne Leistung" : SERVICE_ITEMS.get(item);
    }

    /** {@code 2:10 h} for 130 minutes. */
    public static String hours(long minutes) {
        return "%s%d:%02d h".formatted(minutes < 0 ? "−" : "", Math.abs(minutes) / 60, Math.abs(minutes) % 60);
    }
}
