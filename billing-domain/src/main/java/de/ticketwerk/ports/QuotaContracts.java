package de.ticketwerk.ports;

import java.util.UUID;

/** Which contracts are QUOTA contracts (a termination does not say). */
public interface QuotaContracts {

    boolean isQuota(UUID contractId);
}
