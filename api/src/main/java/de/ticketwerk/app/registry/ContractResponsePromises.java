package de.ticketwerk.app.registry;

import de.ticketwerk.app.registry.ContractRegistry.ContractTimes;
import de.ticketwerk.calendar.Days;
import de.ticketwerk.calendar.PublicHolidays;
import de.ticketwerk.calendar.ResponseDeadline;
import de.ticketwerk.terms.ContractType;
import de.ticketwerk.ticket.api.ResponsePromise;
import de.ticketwerk.ticket.domain.ResponsePromises;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/**
 * R-S2: each contract in force on the day a ticket opens promises the response time of its {@code responseHours} term,
 * or else, a SERVICE contract, that of its level (R-C5), counted in its own service hours. Where several promise, the
 * earliest deadline holds: the customer was promised each of them. A contract without service hours promises nothing.
 */
public class ContractResponsePromises implements ResponsePromises {

    private final ContractRegistry contracts;
    private final PublicHolidays holidays;

    public ContractResponsePromises(ContractRegistry contracts, PublicHolidays holidays) {
        this.contracts = contracts;
        this.holidays = holidays;
    }

    @Override
    public Optional<ResponsePromise> promise(UUID customerId, Instant openedAt) {
        return contracts.contractTimes(customerId).stream()
                .filter(c -> c.inForceOn(Days.dayOf(openedAt, ZoneId.of(c.serviceTimes().zone()))))
                .flatMap(c -> promiseOf(c, openedAt).stream())
                .min(Comparator.comparing(ResponsePromise::respondBy));
    }

    private Optional<ResponsePromise> promiseOf(ContractTimes contract, Instant openedAt) {
        Integer hours = responseHours(contract);
        if (hours == null || contract.serviceTimes().serviceHours().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ResponsePromise(contract.contractId(), hours,
                ResponseDeadline.respondBy(openedAt, hours, contract.serviceTimes().calendar(holidays))));
    }

    /** The contract's own term first; a SERVICE contract without one promises its level's (R-C5). */
    static Integer responseHours(ContractTimes contract) {
        if (contract.serviceTimes().responseHours() != null) {
            return contract.serviceTimes().responseHours();
        }
        return contract.type() == ContractType.SERVICE && contract.level() != null
                ? contract.level().responseHours() : null;
    }
}
