package de.ticketwerk.documents.quota;

import de.ticketwerk.documents.Download;
import de.ticketwerk.documents.GermanCsv;
import de.ticketwerk.projections.quota.QuotaQueries.LedgerLine;
import de.ticketwerk.projections.quota.QuotaQueries.QuotaBalance;
import de.ticketwerk.projections.quota.Statements.AnnualStatement;
import de.ticketwerk.projections.quota.Statements.QuarterlyStatement;

import java.util.List;

/** The German CSV layouts of the quota's balance, ledger and statements, as finance opens them in a spreadsheet. */
public final class QuotaCsv {

    private QuotaCsv() {
    }

    public static Download balance(QuotaBalance b) {
        return new GermanCsv()
                .row("Stand am", b.asOf())
                .row("Bestand (min)", b.balance())
                .row("Gutschriften (min)", b.credited())
                .row("Verbraucht (min)", b.used())
                .row("Verfallen (min)", b.forfeited())
                .row("Abgerechnete Mehrminuten", b.settled(), b.settledAmount())
                .download("kontingent-" + b.asOf() + ".csv");
    }

    public static Download ledger(List<LedgerLine> lines) {
        GermanCsv csv = new GermanCsv().row("Datum", "Buchung", "Minuten", "Bestand (min)", "Ticket", "Eintrag",
                "Betrag (EUR)", "Korrektur wegen Eintrag", "Details");
        lines.forEach(l -> csv.row(l.businessDate(), l.kind(), l.minutes(), l.balance(), l.ticketId(), l.entryId(),
                l.amount(), l.causedBy(), l.details()));
        return csv.download("kontingent-buchungen.csv");
    }

    public static Download quarterly(QuarterlyStatement s, int year, int quarter) {
        GermanCsv csv = new GermanCsv()
                .row("Zwischenstand", "Q" + quarter + "/" + year, s.provisional() ? "vorläufig" : "endgültig")
                .row("Zeitraum", s.from(), s.to())
                .row("Anfangsbestand (min)", s.openingBalance())
                .row("Gutschriften (min)", s.credited())
                .row("Verbraucht (min)", s.used())
                .row("Verfallen (min)", s.forfeited())
                .row("Abgerechnete Mehrminuten", s.settledMinutes(), s.settledAmount())
                .row("Endbestand (min)", s.closingBalance())
                .row("Verbraucht im Kontingentjahr seit " + GermanCsv.cell(s.quotaYearFrom()) + " (min)",
                        s.usedInQuotaYear())
                .row("Rest des Jahreskontingents (min)", s.remainingOfAnnualQuota())
                .blank().row("Leistung", "Minuten");
        s.usedByServiceItem().forEach(m -> csv.row(m.key(), m.minutes()));
        csv.blank().row("Ticket", "Minuten");
        s.usedByTicket().forEach(m -> csv.row(m.key(), m.minutes()));
        return csv.download("zwischenstand-" + year + "-q" + quarter + ".csv");
    }

    public static Download annual(AnnualStatement s, int year) {
        GermanCsv csv = new GermanCsv()
                .row("Jahresaufstellung", s.from(), s.to(), s.provisional() ? "vorläufig" : "endgültig")
                .row("Datum", "Ticket", "Eintrag", "Techniker", "Rolle", "Art", "Leistung", "Minuten",
                        "Abgerechnete Minuten", "Zuschlag (min)", "Abrechnung", "Kontingent (min)", "Netto (EUR)",
                        "Nicht abrechenbar, weil");
        s.entries().forEach(e -> csv.row(e.workDate(), e.ticketNumber() == null ? e.ticketId() : e.ticketNumber(),
                e.entryId(), e.technician(), e.role(),
                e.mode(), e.serviceItem(), e.rawMinutes(), e.billedMinutes(), e.surchargeMinuteEquivalents(),
                e.settlement(), e.quotaMinutes(), e.netAmount(), e.nonBillableReason()));
        csv.row("Summe", null, null, null, null, null, null, s.rawMinutes(), s.billedMinutes(), null, null,
                s.quotaMinutes(), s.chargedAmount(), null);
        csv.blank().row("Monat", "Abschlag (EUR)", "Verbraucht (min)");
        s.months().forEach(m -> csv.row(m.month(), m.instalment(), m.used()));
        csv.row("Summe", s.instalments(), s.used())
                .blank()
                .row("Anfangsbestand (min)", s.openingBalance())
                .row("Gutschriften (min)", s.credited())
                .row("Verbraucht (min)", s.used())
                .row("Verfallen (min)", s.forfeited())
                .row("Mehrminuten", s.overageMinutes(), s.overageAmount())
                .row("Endbestand (min)", s.closingBalance())
                .row("Übertrag (min)", s.carriedOver());
        return csv.download("jahresaufstellung-" + year + ".csv");
    }
}
