package de.ticketwerk.invoice.policy;

/** R-I5: one series per calendar year for invoices and cancellations, one for service reports. */
public final class DocumentNumbers {

    private DocumentNumbers() {
    }

    public static String invoiceSeries(int year) {
        return "invoice-" + year;
    }

    public static String serviceReportSeries(int year) {
        return "service-report-" + year;
    }

    /** {@code 2026-00001}, or {@code SR-2026-00001} for service reports. */
    public static String number(String seriesId, long sequence) {
        String year = seriesId.substring(seriesId.lastIndexOf('-') + 1);
        String prefix = seriesId.startsWith("service-report-") ? "SR-" : "";
        return prefix + year + "-" + String.format("%05d", sequence);
    }
}
