package de.ticketwerk.app.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/**
 * The write side's registry: what commands must know beyond one aggregate, in tables kept by a subscribing processor,
 * so that they are updated in the same transaction as the events and are never behind the commands that consult them.
 */
public final class Registry {

    public static final String PROCESSING_GROUP = "registry";

    private Registry() {
    }

    static PreparedStatement selectAny(Connection connection, String sql, Collection<UUID> ids) throws SQLException {
        PreparedStatement select = connection.prepareStatement(sql);
        select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
        return select;
    }
}
