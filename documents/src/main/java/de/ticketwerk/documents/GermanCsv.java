package de.ticketwerk.documents;


import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV as German spreadsheets read it: semicolons, decimal commas, dd.MM.yyyy dates, UTF-8 with a byte order mark.
 * The one writer of every CSV the product hands out: a text that a spreadsheet would take for a formula is written
 * as text ({@link #cell}).
 */
public final class GermanCsv {

    public static final String MEDIA_TYPE = "text/csv";
    /** What makes a spreadsheet read a cell as a formula (OWASP, CSV injection): = + - @, a tab, a carriage return. */
    private static final String FORMULA_START = "=+-@\t\r";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final List<String> lines = new ArrayList<>();

    public GermanCsv row(Object... cells) {
        lines.add(Arrays.stream(cells).map(GermanCsv::cell).collect(Collectors.joining(";")));
        return this;
    }

    public GermanCsv blank() {
        lines.add("");
        return this;
    }

    public Download download(String filename) {
        byte[] body = ("\uFEFF" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
        return new Download(filename, Download.CSV, body);
    }

    /**
     * One cell. A number is written as a number (a negative one too); a text that starts like a formula gets a leading
     * apostrophe, so that the spreadsheet shows it as the text it is instead of computing it.
     */
    public static String cell(Object value) {
        String text;
        if (value == null) {
            text = "";
        } else if (value instanceof BigDecimal decimal) {
            text = decimal.toPlainString().replace('.', ',');
        } else if (value instanceof Number number) {
            text = number.toString();
        } else if (value instanceof LocalDate date) {
            text = DATE.format(date);
        } else {
            text = asText(value.toString());
        }
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static String asText(String text) {
        return !text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
