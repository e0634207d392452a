package de.ticketwerk.app.quota;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** CSV as German spreadsheets read it: semicolons, decimal commas, dd.MM.yyyy dates, UTF-8 with a byte order mark. */
final class GermanCsv {

    static final String MEDIA_TYPE = "text/csv";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final List<String> lines = new ArrayList<>();

    GermanCsv row(Object... cells) {
        lines.add(Arrays.stream(cells).map(GermanCsv::cell).collect(Collectors.joining(";")));
        return this;
    }

    GermanCsv blank() {
        lines.add("");
        return this;
    }

    ResponseEntity<byte[]> response(String filename) {
        byte[] body = ("\uFEFF" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(body);
    }

    static String cell(Object value) {
        String text;
        if (value == null) {
            text = "";
        } else if (value instanceof BigDecimal decimal) {
            text = decimal.toPlainString().replace('.', ',');
        } else if (value instanceof LocalDate date) {
            text = DATE.format(date);
        } else {
            text = value.toString();
        }
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
