package de.ticketwerk.app.invoice;

import de.ticketwerk.documents.GermanCsv;
import de.ticketwerk.documents.PdfDocuments;
import de.ticketwerk.documents.invoice.EInvoices;
import de.ticketwerk.documents.invoice.InvoiceDocument;
import de.ticketwerk.customer.api.Address;
import de.ticketwerk.invoice.api.InvoiceLine;
import de.ticketwerk.invoice.api.InvoiceParties;
import de.ticketwerk.invoice.api.InvoiceTotals;
import de.ticketwerk.invoice.api.ReportEntry;
import de.ticketwerk.pricing.api.Settlement;
import de.ticketwerk.rules.Text;
import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.WorkMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.xml.sax.InputSource;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;

import static de.ticketwerk.app.support.Pdfs.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text rule ({@link Text}) against every class of character, and every output a text reaches: what the rule
 * accepts is an XML 1.0 character, renders in the invoice, the service report, the e-invoices and a CSV cell that a
 * spreadsheet shows as text; what was stored before the rule held renders too, with the bad characters replaced.
 */
class TextInEveryOutputTest {

    /** Representatives of every class of character, each with the rule's verdict for one-line text. */
    private static final List<Tuple.Tuple2<Integer, Boolean>> CLASSES = List.of(
            Tuple.of((int) 'a', true), Tuple.of((int) 'ß', true), Tuple.of((int) 'Ü', true), Tuple.of((int) '€', true),
            Tuple.of((int) '<', true), Tuple.of((int) '&', true), Tuple.of((int) '"', true), Tuple.of((int) ';', true),
            Tuple.of((int) '=', true), Tuple.of((int) '+', true), Tuple.of((int) '-', true), Tuple.of((int) '@', true),
            Tuple.of(0x0301, true), // combining acute accent
            Tuple.of(0x202E, true), // right-to-left override
            Tuple.of(0xFEFF, true), // byte order mark
            Tuple.of(0xE000, true), // private use
            Tuple.of(0xFFFD, true), // replacement character
            Tuple.of(0x1F600, true), // emoji, a surrogate pair
            Tuple.of(0x10FFFD, true), // last private use of the last plane
            Tuple.of(0x00, false), Tuple.of(0x07, false), Tuple.of(0x1B, false), Tuple.of(0x7F, false),
            Tuple.of(0x85, false), Tuple.of(0x9F, false), // C0, DEL, C1
            Tuple.of((int) '\n', false), Tuple.of((int) '\r', false), Tuple.of((int) '\t', false),
            Tuple.of(0x2028, false), // line breaks: multi-line text only
            Tuple.of(0xFDD0, false), Tuple.of(0xFDEF, false), Tuple.of(0xFFFE, false), Tuple.of(0xFFFF, false),
            Tuple.of(0x1FFFF, false), Tuple.of(0x10FFFF, false), // noncharacters
            Tuple.of(0xD800, false), Tuple.of(0xDFFF, false)); // a lone half of a surrogate pair

    private static final PdfDocumentsHolder documents = new PdfDocumentsHolder();

    @Property(tries = 300)
    void theRuleRefusesExactlyTheCharactersNoOutputCanCarry(@ForAll("texts") String text) {
        boolean expected = text.codePoints().allMatch(TextInEveryOutputTest::allowedOnOneLine)
                && !hasLoneSurrogate(text);
        assertThat(Text.isAllowed(text, false)).as(codes(text)).isEqualTo(expected);
        if (expected) {
            assertThat(isXmlText(text)).as("XML 1.0 carries " + codes(text)).isTrue();
            String cell = GermanCsv.cell(text);
            assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(cell.startsWith("\"") ? 1 : 0)) < 0)
                    .as("a spreadsheet shows %s as text: %s", codes(text), cell).isTrue();
        }
        assertThat(isXmlText(Text.printable(text))).as("printable " + codes(text)).isTrue();
    }

    /** Every accepted text, in every text field of an invoice, renders in all its documents, valid. */
    @Property(tries = 12)
    void acceptedTextRendersInEveryDocument(@ForAll("acceptedTexts") String text) throws Exception {
        InvoiceDocument document = document(text);
        assertRenders(document, text);
    }

    /** An event stored before the rule held: its documents render with the bad characters replaced. */
    @Property(tries = 6)
    void textStoredBeforeTheRuleStillRenders(@ForAll("refusedTexts") String text) throws Exception {
        InvoiceDocument document = document(text);
        byte[] pdf = documents.pdfs.render("service-report", Map.of("doc", document));
        assertThat(text(pdf)).contains("Leistungsnachweis");
    }

    private void assertRenders(InvoiceDocument document, String text) throws Exception {
        byte[] xrechnung = documents.eInvoices.xrechnung(document);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xrechnung));
        byte[] invoice = documents.eInvoices.withZugferd(
                documents.pdfs.render("invoice", Map.of("doc", document)), document);
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(invoice, "invoice.pdf");
        assertThat(validator.wasCompletelyValid()).as(codes(text) + ": " + report).isTrue();
        byte[] serviceReport = documents.pdfs.render("service-report", Map.of("doc", document));
        assertThat(text(serviceReport)).contains("Leistungsnachweis");
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(CLASSES).map(Tuple.Tuple2::get1).list().ofMinSize(1).ofMaxSize(6)
                .map(TextInEveryOutputTest::joined);
    }

    @Provide
    Arbitrary<String> acceptedTexts() {
        return Arbitraries.of(CLASSES.stream().filter(Tuple.Tuple2::get2).map(Tuple.Tuple2::get1).toList())
                .list().ofMinSize(1).ofMaxSize(8).map(codes -> "X" + joined(codes));
    }

    @Provide
    Arbitrary<String> refusedTexts() {
        return Arbitraries.of(CLASSES.stream().filter(c -> !c.get2()).map(Tuple.Tuple2::get1).toList())
                .map(code -> "Kanzlei " + joined(List.of(code)) + " GmbH");
    }

    /** A high and a low half side by side are one character of another plane: allowed unless a noncharacter. */
    private static boolean allowedOnOneLine(int c) {
        return CLASSES.stream().filter(k -> k.get1() == c).map(Tuple.Tuple2::get2).findFirst()
                .orElse(c > 0xFFFF && (c & 0xFFFE) != 0xFFFE);
    }

    private static boolean hasLoneSurrogate(String text) {
        return text.codePoints().anyMatch(c -> c >= 0xD800 && c <= 0xDFFF);
    }

    /** XML 1.0's Char production, checked by a parser. */
    private static boolean isXmlText(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;");
        try {
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader("<a>" + escaped + "</a>")));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String joined(List<Integer> codes) {
        StringBuilder text = new StringBuilder();
        codes.forEach(c -> {
            if (c >= 0xD800 && c <= 0xDFFF) {
                text.append((char) c.intValue());
            } else {
                text.appendCodePoint(c);
            }
        });
        return text.toString();
    }

    private static String codes(String text) {
        StringBuilder codes = new StringBuilder();
        text.chars().forEach(c -> codes.append(String.format("U+%04X ", c)));
        return codes.toString().trim();
    }

    /** The text in every text field that reaches an invoice's documents: names, address, line, technician, reason. */
    private static InvoiceDocument document(String text) {
        InvoiceParties.Party seller = new InvoiceParties.Party("Beispiel IT-Service GmbH",
                new Address("Industriestraße 5", "48155", "Münster", "DE"), "DE811907980", null,
                "rechnung@beispiel-it.example", "+49 251 1234560", null);
        InvoiceParties.Party buyer = new InvoiceParties.Party("Kanzlei " + text,
                new Address("Markt " + text, "48143", "Münster " + text, "DE"), "DE123456789", null,
                "kanzlei@berger.example", null, "10042");
        InvoiceParties parties = new InvoiceParties(seller, buyer,
                new InvoiceParties.BankAccount("DE02120300000000202051", "BYLADEM1001", "Deutsche Kreditbank Berlin"));
        BigDecimal net = new BigDecimal("95.00");
        BigDecimal vat = new BigDecimal("18.05");
        BigDecimal gross = new BigDecimal("113.05");
        UUID entry = UUID.randomUUID();
        InvoiceLine line = new InvoiceLine(InvoiceLine.LineKind.WORK, entry, UUID.randomUUID(),
                LocalDate.of(2026, 3, 3), "Arbeit " + text, 60, net, new BigDecimal("19"), BigDecimal.ZERO, null);
        ReportEntry report = new ReportEntry(entry, UUID.randomUUID(), "T2026-000001", LocalDate.of(2026, 3, 3),
                ServiceItem.REMOTE_SUPPORT, "tom " + text, Role.TECHNICIAN, WorkMode.REMOTE, 60, 60, Settlement.MONEY,
                0, net, "weil " + text);
        return new InvoiceDocument(UUID.randomUUID(), false, "2026-00001", LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 15), YearMonth.of(2026, 3), "SR-2026-00001", null, null, parties, List.of(line),
                new InvoiceTotals(List.of(new InvoiceTotals.RateTotal(new BigDecimal("19"), net, vat, gross)), net,
                        vat, gross), List.of(report));
    }

    /** Built once: fonts, templates and the colour profile take a while to load. */
    private static final class PdfDocumentsHolder {
        private final PdfDocuments pdfs = new PdfDocuments();
        private final EInvoices eInvoices = new EInvoices();
    }
}
