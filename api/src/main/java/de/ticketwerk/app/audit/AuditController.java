package de.ticketwerk.app.audit;

import de.ticketwerk.app.access.Allowed;
import de.ticketwerk.app.web.NotFound;
import de.ticketwerk.app.web.NotYet;
import de.ticketwerk.projections.Page;
import de.ticketwerk.projections.audit.ChainVerification;
import de.ticketwerk.projections.audit.EventChain;
import de.ticketwerk.projections.audit.EventHistory;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * What auditors read (R-AU1, R-AU3, R-AU4): an aggregate's history, the events in global order, the hash chain's head
 * and its verification. Straight from the event table and the chain, never from a read model.
 */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditController {

    static final String NDJSON = "application/x-ndjson";
    private static final String TYPES = "ticket|customer|contract|quota|invoice|number-series|billing-calendar";
    /** The aggregate types as the store names them (Axon: the aggregate's class name). */
    private static final Map<String, String> STORED_TYPES = Map.of("ticket", "Ticket", "customer", "Customer",
            "contract", "Contract", "quota", "Quota", "invoice", "Invoice", "number-series", "NumberSeries",
            "billing-calendar", "BillingCalendar");
    /** A stream holds a connection of the pool while it runs. */
    private static final int STREAMS_AT_ONCE = 2;

    private final EventHistory history;
    private final EventChain chain;
    private final ChainVerification verification;
    private final JsonMapper json;
    private final Semaphore streams = new Semaphore(STREAMS_AT_ONCE);

    AuditController(EventHistory history, EventChain chain, ChainVerification verification, JsonMapper json) {
        this.history = history;
        this.chain = chain;
        this.verification = verification;
        this.json = json;
    }

    /** Every event of one aggregate in sequence order, with its payload as stored (R-AU1). */
    @GetMapping("/{aggregateType}/{aggregateId}/events")
    @Allowed.Operations
    Page<EventHistory.Entry> history(@PathVariable @Pattern(regexp = TYPES) String aggregateType,
                                     @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String aggregateId,
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return history.history(STORED_TYPES.get(aggregateType), aggregateId, page, size)
                .orElseThrow(() -> new NotFound("no " + aggregateType + " " + aggregateId));
    }

    /**
     * The events after a position in global order, one JSON object per line (R-AU4). Only what the chain has linked,
     * so that a reader resuming after the last position it read misses nothing (README "The event stream").
     */
    @GetMapping(path = "/events", produces = NDJSON)
    @Allowed.Operations
    void stream(@RequestParam(defaultValue = "0") @Min(0) @Max(Long.MAX_VALUE) long after,
                @RequestParam(defaultValue = "10000") @Min(1) @Max(1_000_000) int limit,
                HttpServletResponse response) throws IOException {
        if (!streams.tryAcquire()) {
            throw new NotYet(STREAMS_AT_ONCE + " event streams are being read; try again shortly",
                    Duration.ofSeconds(5));
        }
        try {
            response.setContentType(NDJSON);
            OutputStream out = response.getOutputStream();
            history.stream(after, limit, event -> {
                out.write(json.writeValueAsBytes(event));
                out.write('\n');
            });
            out.flush();
        } finally {
            streams.release();
        }
    }

    /** The last link: note it down, and a later verification proves that nothing up to it has changed. */
    @GetMapping("/chain")
    @Allowed.Operations
    EventChain.Head head() {
        return chain.head().orElse(new EventChain.Head(0, null, null));
    }

    /** Walks the whole chain (R-AU3): intact with its head, or the first broken position and why. */
    @GetMapping("/chain/verification")
    @Allowed.Operations
    ChainVerification.Result verify() {
        return verification.verify();
    }
}
