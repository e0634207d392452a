package de.ticketwerk.projections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rows of a plain {@code INSERT … VALUES (?, …)} as the input of PostgreSQL's {@code COPY … FROM STDIN} in its text
 * format, for the types the projections bind. PostgreSQL loads rows by COPY for a fraction of what the same rows
 * cost it as a batch of INSERTs.
 */
final class CopyRows {

    private static final Pattern PLAIN_INSERT = Pattern.compile(
            "INSERT INTO (\\w+) \\(([\\w, ]+)\\) VALUES \\(\\?(?:, \\?)*\\)", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Optional<String>> COPIES = new ConcurrentHashMap<>();
    /** Microseconds, as PostgreSQL keeps them; the offset spelled out. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

    private CopyRows() {
    }

    /** The COPY statement that loads the rows of {@code insert}; empty when it is not a plain insert. */
    static Optional<String> copyOf(String insert) {
        return COPIES.computeIfAbsent(insert, sql -> {
            Matcher plain = PLAIN_INSERT.matcher(sql.replaceAll("\\s+", " ").trim());
            return plain.matches() ? Optional.of("COPY " + plain.group(1) + " (" + plain.group(2) + ") FROM STDIN")
                    : Optional.empty();
        });
    }

    /** The rows, each ended by a newline; null when a value has a type this does not write. */
    static String text(List<Object[]> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 256);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                if (!append(text, row[i])) {
                    return null;
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static boolean append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String string) {
            escape(text, string);
        } else if (value instanceof UUID || value instanceof Long || value instanceof Integer
                || value instanceof LocalDate) {
            text.append(value);
        } else if (value instanceof Boolean bool) {
            text.append(bool ? 't' : 'f');
        } else if (value instanceof BigDecimal decimal) {
            text.append(decimal.toPlainString());
        } else if (value instanceof OffsetDateTime timestamp) {
            text.append(TIMESTAMP.format(toMicros(timestamp)));
        } else {
            return false;
        }
        return true;
    }

    /** Half up to the microsecond, as the driver rounds a bound timestamp. */
    private static OffsetDateTime toMicros(OffsetDateTime timestamp) {
        return timestamp.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    private static void escape(StringBuilder text, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
