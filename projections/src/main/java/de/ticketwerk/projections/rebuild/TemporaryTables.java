package de.ticketwerk.projections.rebuild;

import org.springframework.jdbc.core.JdbcTemplate;

/** Empty temporary copies of live tables, which shadow them on their connection (search path pg_temp first). */
public final class TemporaryTables {

    private TemporaryTables() {
    }

    /**
     * A copy with the table's defaults and unique indexes (its writes may say ON CONFLICT); with {@code everyIndex}
     * also its other indexes, for handlers that look rows up. Without them a replay writes faster.
     */
    public static void copy(JdbcTemplate jdbc, String table, boolean everyIndex, boolean dropAtCommit) {
        jdbc.execute("CREATE TEMP TABLE " + table + " (LIKE public." + table + " INCLUDING DEFAULTS)"
                + (dropAtCommit ? " ON COMMIT DROP" : ""));
        for (String index : jdbc.queryForList("SELECT pg_get_indexdef(indexrelid) FROM pg_index "
                + "WHERE indrelid = CAST(? AS regclass) AND (indisunique OR ?)", String.class, "public." + table,
                everyIndex)) {
            jdbc.execute(index.replace(" ON public." + table + " ", " ON pg_temp." + table + " "));
        }
    }
}
