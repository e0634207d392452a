package de.ticketwerk.load;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name=value} arguments; unknown names are refused so that a typo never runs the wrong benchmark. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    Options(String[] args, int from, Set<String> known) {
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            String name = arg.substring(2, equals);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + known);
            }
            values.put(name, arg.substring(equals + 1));
        }
    }

    String text(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    int number(String name, int otherwise) {
        String value = values.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got " + value);
        }
    }

    boolean has(String name) {
        return values.containsKey(name);
    }
}
