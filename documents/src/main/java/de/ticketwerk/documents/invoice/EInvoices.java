package de.ticketwerk.documents.invoice;

import de.ticketwerk.customer.api.Address;
import de.ticketwerk.documents.GermanFormat;
import de.ticketwerk.invoice.api.InvoiceLine;
import de.ticketwerk.invoice.api.InvoiceParties;
import org.mustangproject.BankDetails;
import org.mustangproject.Contact;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.Product;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

/**
 * EN 16931 e-invoices with Mustang (R-I8): XRechnung (CII) on its own, and ZUGFeRD (profile EN 16931) inside the
 * PDF/A-3. A cancellation is a credit note (type 381) with the original's lines as positive amounts, referring to
 * the original's number and date.
 */
public class EInvoices {

    private static final String UNIT_ONE = "C62";

    public byte[] xrechnung(InvoiceDocument document) {
        ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
        provider.setProfile(Profiles.getByName("XRECHNUNG"));
        provider.generateXML(transaction(document));
        return provider.getXML();
    }

    /** The PDF/A-3 with its ZUGFeRD XML embedded. */
    public byte[] withZugferd(byte[] pdf, InvoiceDocument document) {
        try (ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3()) {
            exporter.setProducer("Ticketwerk").setCreator(document.parties().seller().name()).setZUGFeRDVersion(2)
                    .setProfile(Profiles.getByName("EN16931")).load(pdf);
            exporter.setTransaction(transaction(document));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exporter.export(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Invoice transaction(InvoiceDocument d) {
        InvoiceParties.Party buyer = d.parties().buyer();
        Invoice invoice = new Invoice()
                .setDocumentName(d.cancellation() ? "Stornorechnung" : "Rechnung")
                .setNumber(d.number())
                .setIssueDate(date(d.issueDate()))
                .setDueDate(date(d.dueDate()))
                .setDeliveryDate(date(d.month().atEndOfMonth()))
                .setDetailedDeliveryPeriod(date(d.month().atDay(1)), date(d.month().atEndOfMonth()))
                .setSender(seller(d.parties()))
                .setRecipient(party(buyer))
                .setCurrency("EUR")
                .setReferenceNumber(buyer.debtorNumber() == null ? d.number() : buyer.debtorNumber())
                .setPaymentTermDescription(d.cancellation() ? "Gutschrift der stornierten Rechnung " + d.cancels()
                        : "Zahlbar ohne Abzug bis " + new GermanFormat().date(d.dueDate()));
        if (d.cancellation()) {
            invoice.setCreditNote();
            invoice.setInvoiceReferencedDocumentID(d.cancels());
            invoice.setInvoiceReferencedIssueDate(date(d.cancelsIssueDate()));
        }
        for (InvoiceLine line : d.lines()) {
            BigDecimal amount = d.cancellation() ? line.net().negate() : line.net();
            Product product = new Product(line.description(), "", UNIT_ONE, line.vatPercent());
            invoice.addItem(new Item(product, amount.abs(), BigDecimal.valueOf(amount.signum() < 0 ? -1 : 1)));
        }
        return invoice;
    }

    private static TradeParty seller(InvoiceParties parties) {
        InvoiceParties.Party seller = parties.seller();
        TradeParty party = party(seller);
        if (seller.taxNumber() != null && !seller.taxNumber().isBlank()) {
            party.addTaxID(seller.taxNumber());
        }
        party.setContact(new Contact(seller.name(), seller.phone(), seller.email()));
        party.addBankDetails(new BankDetails(parties.payTo().iban(), parties.payTo().bic()));
        return party;
    }

    private static TradeParty party(InvoiceParties.Party party) {
        Address address = party.address() == null ? new Address(null, null, null, null) : party.address();
        TradeParty trade = new TradeParty(party.name(), address.street(), address.postalCode(), address.city(),
                address.country() == null ? "DE" : address.country());
        if (party.vatId() != null && !party.vatId().isBlank()) {
            trade.addVATID(party.vatId());
        }
        if (party.email() != null) {
            trade.setEmail(party.email());
        }
        return trade;
    }

    /** Mustang writes dates in the JVM's zone: midnight there is the same calendar day. */
    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
