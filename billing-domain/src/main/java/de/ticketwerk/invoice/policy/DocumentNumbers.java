package de.ticketwerk.invoice.policy;

/**
 * R-I5: one series per calendar year for invoices and cancellations, one for service reports; R-S1: one for tickets.
 */
public final class DocumentNumbers {

    private DocumentNumbers() {
    }

    public static String invoiceSeries(int year) {
        return "invoice-" + year;
    }

    public static String serviceReportSeries(int year) {
        return "service-report-" + year;
    }

    public static String ticketSeries(int year) {
        return "ticket-" + year;
    }

    /** {@code 2026-00001}, {@code SR-2026-00001} for service reports, {@code T2026-000001} for tickets. */
    public static String number(String seriesId, long sequence) {
        String year = seriesId.substring(seriesId.lastIndexOf('-') + 1);
        if (seriesId.startsWith("ticket-")) {
            return "T" + year + "-" + String.format("%06d", sequence);
        }
        String prefix = seriesId.startsWith("service-report-") ? "SR-" : "";
        return prefix + year + "-" + String.format("%05d", sequence);
    }
}
