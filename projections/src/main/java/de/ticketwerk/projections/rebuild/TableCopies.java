package de.ticketwerk.projections.rebuild;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Empty copies of live tables, with the live table's defaults and unique indexes (writes may say ON CONFLICT), and
 * of its other indexes only those that handlers read through: every other index only slows a replay's writes down.
 */
public final class TableCopies {

    private TableCopies() {
    }

    /** A temporary copy, gone at the commit, that shadows the live table on its connection (pg_temp first). */
    public static void temporary(JdbcTemplate jdbc, String table) {
        jdbc.execute("CREATE TEMP TABLE " + table + " (LIKE public." + table + " INCLUDING DEFAULTS) ON COMMIT DROP");
        indexes(jdbc, table, "pg_temp", List.of());
    }

    /** An unlogged copy in {@code schema}, seen by every connection, not written to the write-ahead log. */
    public static void unlogged(JdbcTemplate jdbc, String schema, String table, List<String> indexesRead) {
        jdbc.execute("CREATE UNLOGGED TABLE " + schema + "." + table + " (LIKE public." + table
                + " INCLUDING DEFAULTS) WITH (autovacuum_enabled = false)");
        indexes(jdbc, table, schema, indexesRead);
    }

    private static void indexes(JdbcTemplate jdbc, String table, String schema, List<String> indexesRead) {
        for (String index : jdbc.queryForList("""
                SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE i.indrelid = CAST(? AS regclass) AND (i.indisunique OR c.relname = ANY (?))""",
                String.class, "public." + table, indexesRead.toArray(String[]::new))) {
            jdbc.execute(index.replace(" ON public." + table + " ", " ON " + schema + "." + table + " "));
        }
    }
}
