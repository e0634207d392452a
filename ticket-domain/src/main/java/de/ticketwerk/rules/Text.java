package de.ticketwerk.rules;

/**
 * What text the API takes, in every field, query value and header it reads: no control characters (line breaks and
 * tabs only in multi-line text), no half of a surrogate pair, no Unicode noncharacter (U+FDD0…U+FDEF and the last two
 * code points of every plane, U+FFFE and U+FFFF among them). What passes is a legal XML 1.0 character, prints in a PDF,
 * and is a single line where a mail header or CSV cell needs one. PostgreSQL refuses NUL and XML parsers U+FFFF, so
 * one such character would stop a read model or the documents for good. Text is kept as sent, not normalized.
 */
public final class Text {

    private Text() {
    }

    public static boolean isAllowed(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                        || isNoncharacter(Character.toCodePoint(c, text.charAt(i + 1)))) {
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
        return !Character.isISOControl(c) && !isNoncharacter(c);
    }

    /** Unicode's 66 noncharacters: reserved for a program's own use, never to be interchanged. */
    static boolean isNoncharacter(int codePoint) {
        return codePoint >= 0xFDD0 && codePoint <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
    }

    /**
     * The text with every character that XML 1.0 cannot carry replaced by U+FFFD: for what was stored before the
     * rule above held, so that such an old event still renders instead of stopping its document.
     */
    public static String printable(String text) {
        if (text == null || isAllowed(text, true)) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> clean.appendCodePoint(c == '\n' || c == '\r' || c == '\t'
                || !Character.isISOControl(c) && !isNoncharacter(c) && !Character.isSurrogate((char) c) ? c : 0xFFFD));
        return clean.toString();
    }
}
