package de.ticketwerk.quota.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A QUOTA contract's ledger has its own aggregate id, derived from the contract's. */
public final class QuotaIds {

    private QuotaIds() {
    }

    public static UUID of(UUID contractId) {
        return UUID.nameUUIDFromBytes(("quota:" + contractId).getBytes(StandardCharsets.UTF_8));
    }
}
