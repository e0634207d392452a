package de.ticketwerk.documents.mail;

import de.ticketwerk.documents.GermanFormat;
import de.ticketwerk.projections.quota.Statements.AnnualStatement;
import de.ticketwerk.projections.quota.Statements.QuarterlyStatement;
import de.ticketwerk.rules.Text;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * The mails the product sends (R-S4), in German: each a plain-text and an HTML template of {@code documents/mail/}
 * (HTML escapes what a customer wrote, the text template prints it as it is), the ticket's number in the subject.
 */
public class MailBodies {

    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

    /** What a ticket's opening confirms: its number, when it was received, and when the first response is due. */
    public record TicketOpened(String number, String title, Instant receivedAt, Instant respondBy, String sender) {
    }

    public MailBody ticketOpened(TicketOpened ticket) {
        return render("ticket-opened", "[" + ticket.number() + "] Ihre Anfrage ist eingegangen: " + ticket.title(),
                Map.of("t", ticket));
    }

    /** A ticket's new status as its customer reads it; {@code reason}: what staff asked for, when waiting for them. */
    public record TicketStatusChanged(String number, String title, String status, String reason, String sender) {
    }

    public MailBody ticketStatusChanged(TicketStatusChanged ticket) {
        return render("ticket-status", "[" + ticket.number() + "] " + STATUS.getOrDefault(ticket.status(),
                ticket.status()) + ": " + ticket.title(), Map.of("t", ticket, "status", STATUS.getOrDefault(
                ticket.status(), ticket.status())));
    }

    public record TicketResolved(String number, String title, String resolution, String sender) {
    }

    public MailBody ticketResolved(TicketResolved ticket) {
        return render("ticket-resolved", "[" + ticket.number() + "] Gelöst: " + ticket.title(), Map.of("t", ticket));
    }

    /** R-Q6 (seed 002): the quota's balance reached zero with the work of {@code workDate}. */
    public record QuotaExhausted(LocalDate workDate, long balanceMinutes, String sender) {
    }

    public MailBody quotaExhausted(QuotaExhausted quota) {
        return render("quota-exhausted", "Ihr Stundenkontingent ist aufgebraucht", Map.of("q", quota));
    }

    /**
     * R-S4 (seed 000): a closed quarter's interim figures of a QUOTA contract; {@code correction}: they replace those
     * of an earlier notice after a late entry (R-Q5).
     */
    public MailBody quarterlyStatement(QuarterlyStatement s, boolean correction, String sender) {
        String subject = "Zwischenstand Ihres Stundenkontingents: " + s.quarter() + ". Quartal " + s.year();
        return render("quarterly-statement", correction ? "Korrektur: " + subject : subject,
                Map.of("s", s, "correction", correction, "sender", sender));
    }

    /** R-S4: a closed quota year's figures (R-Q6); the statement's PDF goes with it. */
    public MailBody annualStatement(AnnualStatement s, String sender) {
        return render("annual-statement", "Jahresaufstellung Ihres Stundenkontingents " + FORMAT.date(s.from())
                + " bis " + FORMAT.date(s.to()), Map.of("s", s, "sender", sender));
    }

    /** What an issued invoice's mail says (seed 003); its PDF and XRechnung go with it. */
    public record Invoice(String number, LocalDate issueDate, LocalDate dueDate, YearMonth month, BigDecimal net,
                          BigDecimal gross) {
    }

    public MailBody invoice(Invoice invoice, String sender) {
        return render("invoice", "Ihre Rechnung " + invoice.number(), Map.of("i", invoice, "sender", sender));
    }

    /** The month's service report, sent before its invoice (seed 003). */
    public record ServiceReport(String reportId, YearMonth month) {
    }

    public MailBody serviceReport(ServiceReport report, String sender) {
        return render("service-report", "Ihr Leistungsnachweis " + report.reportId(),
                Map.of("r", report, "sender", sender));
    }

    /** A cancellation invoice (R-I6); its PDF and XRechnung go with it. */
    public record Cancellation(String number, String cancelledNumber, LocalDate date, BigDecimal gross,
                               String reason) {
    }

    public MailBody cancellation(Cancellation cancellation, String sender) {
        return render("cancellation", "Stornorechnung " + cancellation.number() + " zu Rechnung "
                + cancellation.cancelledNumber(), Map.of("c", cancellation, "sender", sender));
    }

    private static final GermanFormat FORMAT = new GermanFormat();

    private static final Map<String, String> STATUS = Map.of("IN_PROGRESS", "In Bearbeitung",
            "WAITING_FOR_CUSTOMER", "Wir benötigen Ihre Rückmeldung", "CLOSED", "Abgeschlossen");

    private MailBody render(String template, String subject, Map<String, Object> variables) {
        Context context = new Context();
        context.setVariables(variables);
        context.setVariable("f", FORMAT);
        return new MailBody(Text.printable(subject), Text.printable(text.process(template, context)),
                Text.printable(html.process(template, context)));
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("documents/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
