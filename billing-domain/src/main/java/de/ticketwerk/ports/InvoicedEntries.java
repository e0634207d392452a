package de.ticketwerk.ports;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** What issued invoices and cancellations have charged so far for each time entry, never behind the commands. */
public interface InvoicedEntries {

    /** The net charged for each of {@code entryIds} that any invoice charged; absent means nothing. */
    Map<UUID, BigDecimal> invoicedNet(Collection<UUID> entryIds);

    /** The number of the issued invoice that last charged each of {@code entryIds}, for those an issued one did. */
    Map<UUID, String> lastIssuedIn(Collection<UUID> entryIds);
}
