package de.ticketwerk.documents.invoice;

import de.ticketwerk.documents.PdfDocuments;
import de.ticketwerk.customer.api.Address;
import de.ticketwerk.invoice.api.InvoiceEvents.InvoiceIssued;
import de.ticketwerk.invoice.api.InvoiceLine;
import de.ticketwerk.invoice.policy.LineTexts;
import de.ticketwerk.invoice.api.InvoiceLine.LineKind;
import de.ticketwerk.invoice.api.InvoiceParties;
import de.ticketwerk.invoice.api.InvoiceParties.BankAccount;
import de.ticketwerk.invoice.api.InvoiceParties.Party;
import de.ticketwerk.invoice.api.InvoiceTotals;
import de.ticketwerk.invoice.api.InvoiceTotals.RateTotal;
import de.ticketwerk.invoice.api.ReportEntry;
import de.ticketwerk.pricing.api.Settlement;
import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.WorkMode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's goal for one invoice's documents after warm-up: the invoice PDF with ZUGFeRD inside and the XRechnung
 * under 200 ms. The same rendering the documents process does, on one thread, for an invoice of 20 entries; the
 * service report beside it. Prints a table for BENCHMARKS.md. The test command runs it with two documents (the smoke
 * run); see the README.
 */
@Tag("benchmark")
class InvoiceRenderingBenchmark {

    private static final int WARM_UP = Integer.getInteger("benchmark.warmup", 300);
    private static final int MEASURED = Integer.getInteger("benchmark.measured", 300);

    private final PdfDocuments pdfs = new PdfDocuments();
    private final EInvoices eInvoices = new EInvoices();

    @Test
    void oneInvoiceOfTwentyEntries() {
        InvoiceDocument document = InvoiceDocument.of(invoiceOfTwentyEntries());
        long[] invoice = new long[MEASURED];
        long[] report = new long[MEASURED];
        for (int i = -WARM_UP; i < MEASURED; i++) {
            long t0 = System.nanoTime();
            byte[] pdf = eInvoices.withZugferd(pdfs.render("invoice", Map.of("doc", document)), document);
            byte[] xml = eInvoices.xrechnung(document);
            long t1 = System.nanoTime();
            byte[] serviceReport = pdfs.render("service-report", Map.of("doc", document));
            long t2 = System.nanoTime();
            assertThat(pdf.length + xml.length + serviceReport.length).isPositive();
            if (i >= 0) {
                invoice[i] = t1 - t0;
                report[i] = t2 - t1;
            }
        }
        System.out.printf("""
                        | after warm-up of | measured | invoice PDF + ZUGFeRD + XRechnung: median ms | p95 ms | service report PDF: median ms | p95 ms |
                        |---|---|---|---|---|---|
                        | %d | %d | %.1f | %.1f | %.1f | %.1f |
                        """, WARM_UP, MEASURED, percentile(invoice, 50), percentile(invoice, 95),
                percentile(report, 50), percentile(report, 95));
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)] / 1e6;
    }

    private static InvoiceIssued invoiceOfTwentyEntries() {
        UUID contract = UUID.randomUUID();
        BigDecimal vat = new BigDecimal("19.00");
        List<InvoiceLine> lines = new ArrayList<>();
        List<ReportEntry> report = new ArrayList<>();
        BigDecimal net = new BigDecimal("0.00");
        for (int e = 0; e < 20; e++) {
            UUID entry = UUID.randomUUID();
            LocalDate day = LocalDate.of(2026, 3, 2 + e);
            BigDecimal amount = new BigDecimal("24.50").add(BigDecimal.valueOf(e));
            net = net.add(amount);
            lines.add(new InvoiceLine(LineKind.WORK, entry, contract, day,
                    LineTexts.work(ServiceItem.DEVICE_ADMIN, Role.TECHNICIAN, WorkMode.REMOTE, 30), 30, amount, vat,
                    new BigDecimal("0.00"), null));
            report.add(new ReportEntry(entry, UUID.randomUUID(), "T2026-%06d".formatted(e + 1), day,
                    ServiceItem.DEVICE_ADMIN, "Anna Becker", Role.TECHNICIAN, WorkMode.REMOTE, 27, 30,
                    Settlement.MONEY, 0, amount, null));
        }
        BigDecimal tax = net.multiply(vat).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
        InvoiceTotals totals = new InvoiceTotals(List.of(new RateTotal(vat, net, tax, net.add(tax))), net, tax,
                net.add(tax));
        Party seller = new Party("Test IT-Service GmbH", new Address("Teststraße 1", "48143", "Münster", "DE"),
                "DE811907980", null, "rechnung@test-it.example", "+49 251 1234560", null);
        Party buyer = new Party("Steuerkanzlei Berger", new Address("Hafenweg 4", "48155", "Münster", "DE"), null,
                null, "it@berger.example", null, "10001");
        InvoiceParties parties = new InvoiceParties(seller, buyer,
                new BankAccount("DE02120300000000202051", "BYLADEM1001", "Deutsche Kreditbank Berlin"));
        return new InvoiceIssued(UUID.randomUUID(), UUID.randomUUID(), YearMonth.of(2026, 3), "2026-00001",
                "SR-2026-00001", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 15), lines, totals, report, parties,
                "finance", Instant.parse("2026-04-01T08:00:00Z"));
    }
}
