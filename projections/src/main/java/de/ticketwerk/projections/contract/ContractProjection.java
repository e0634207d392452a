package de.ticketwerk.projections.contract;

import de.ticketwerk.projections.Scope;
import de.ticketwerk.contract.api.ContractEvents.ContractConcluded;
import de.ticketwerk.contract.api.ContractEvents.ContractTerminated;
import de.ticketwerk.contract.api.ContractEvents.PriceChangeAnnounced;
import de.ticketwerk.projections.BatchedWrites;
import de.ticketwerk.projections.contract.ContractView.PriceChangeView;
import de.ticketwerk.projections.contract.ContractView.TerminationView;
import de.ticketwerk.projections.json.ViewJson;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.util.List;

@ProcessingGroup(ContractProjection.PROCESSING_GROUP)
public class ContractProjection {

    public static final String PROCESSING_GROUP = "contracts";

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final ViewJson documents;
    private final ContractQueries queries;

    public ContractProjection(JdbcTemplate jdbc, ViewJson documents, ContractQueries queries) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc);
        this.documents = documents;
        this.queries = queries;
    }

    @EventHandler
    void on(ContractConcluded e) {
        ContractView view = new ContractView(e.contractId(), e.customerId(), e.type(), e.level(), e.startDate(),
                e.endDate(), e.minimumTermEnd(),
                e.noticeDeadline(), e.terms(), List.of(),
                null, e.actor(), e.at());
        writes.update("INSERT INTO contract_view (contract_id, customer_id, start_date, document) VALUES (?, ?, ?, ?)",
                e.contractId(), e.customerId(), Date.valueOf(e.startDate()), documents.toJson(view));
    }

    @EventHandler
    void on(PriceChangeAnnounced e) {
        writes.flush();
        save(queries.find(e.contractId(), Scope.ALL).orElseThrow().withPriceChange(new PriceChangeView(e.announcedOn(),
                e.effectiveFrom(), e.monthlyFee(), e.hourlyRates(), e.specialTerminationEnd(), e.actor(), e.at())));
    }

    @EventHandler
    void on(ContractTerminated e) {
        writes.flush();
        save(queries.find(e.contractId(), Scope.ALL).orElseThrow().withTermination(new TerminationView(e.receivedOn(),
                e.channel(), e.by(), e.specialRight(), e.noticeDeadline(), e.endDate(), e.actor(), e.at())));
    }

    private void save(ContractView view) {
        writes.update("UPDATE contract_view SET document = ? WHERE contract_id = ?", documents.toJson(view),
                view.contractId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM contract_view");
    }
}
