package de.ticketwerk.pricing.policy;

import de.ticketwerk.ports.ContractPeriod;
import de.ticketwerk.pricing.api.Work;
import de.ticketwerk.terms.ContractType;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * R-C9: which of a customer's contracts prices a piece of work: only contracts in force on the work date, and of
 * those, in this order: a SERVICE contract that covers the work ({@link Coverage}, the mode's support item included);
 * a QUOTA contract for work a quota may pay for; an HOURLY contract; any SERVICE contract; any QUOTA contract. None:
 * no contract is in force.
 */
public final class ContractSelection {

    private ContractSelection() {
    }

    public static Optional<ContractPeriod> contractFor(List<ContractPeriod> contracts, Work work) {
        List<ContractPeriod> inForce = contracts.stream()
                .filter(c -> c.inForceOn(work.entry().workDate(c.zoneId())))
                .toList();
        boolean quotaMayPay = Coverage.neverCovered(work.kind(), work.serviceItem()).isEmpty();
        List<Predicate<ContractPeriod>> preference = List.of(
                c -> c.type() == ContractType.SERVICE && covers(c, work),
                c -> c.type() == ContractType.QUOTA && quotaMayPay,
                c -> c.type() == ContractType.HOURLY,
                c -> c.type() == ContractType.SERVICE,
                c -> c.type() == ContractType.QUOTA);
        for (Predicate<ContractPeriod> preferred : preference) {
            Optional<ContractPeriod> match = inForce.stream().filter(preferred).findFirst();
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    private static boolean covers(ContractPeriod service, Work work) {
        return Coverage.whyNotCovered(service.coverage(), String.valueOf(service.level()), work.kind(),
                work.serviceItem(), work.entry().mode()).isEmpty();
    }
}
