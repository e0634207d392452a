package de.ticketwerk.app.audit;

import de.ticketwerk.projections.audit.EventChain;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Links new events within seconds of their commit (R-AU3); also at start-up, whatever was stored meanwhile. */
@Component
class ChainSchedule {

    private final EventChain chain;

    ChainSchedule(EventChain chain) {
        this.chain = chain;
    }

    @Scheduled(initialDelayString = "${ticketwerk.audit.chain-interval:1s}",
            fixedDelayString = "${ticketwerk.audit.chain-interval:1s}")
    void link() {
        chain.catchUp();
    }
}
