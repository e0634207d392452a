package de.ticketwerk.app.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What text the API takes: no control characters (line breaks and tabs only in multi-line text), no half of a
 * surrogate pair. PostgreSQL refuses NUL in text, so one such character would stop a read model for good.
 */
final class Text {

    private Text() {
    }

    static boolean isAllowed(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c) || !isAllowed(c, multiLine)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAllowed(char c, boolean multiLine) {
        if (c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029') {
            return multiLine;
        }
        return !Character.isISOControl(c);
    }

    /** A query string decoded as the servlet container does, but refusing bad percent-encoding and bad UTF-8. */
    static String decodeQuery(String query) throws CharacterCodingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length()) {
                    throw new CharacterCodingException();
                }
                int high = Character.digit(query.charAt(i + 1), 16);
                int low = Character.digit(query.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new CharacterCodingException();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    }
}
