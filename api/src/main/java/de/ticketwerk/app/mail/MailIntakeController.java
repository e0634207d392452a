package de.ticketwerk.app.mail;

import de.ticketwerk.app.access.Actor;
import de.ticketwerk.app.access.Allowed;
import de.ticketwerk.app.mail.IntakeDesk.Outcome;
import de.ticketwerk.app.mail.IntakeList.IntakeItem;
import de.ticketwerk.app.web.NotFound;
import de.ticketwerk.projections.Page;
import de.ticketwerk.rules.StateConflict;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * R-S3: the support mailbox's mails for the dispatcher: what became of each ({@code ?outcome=TRIAGE} is the triage
 * list), and the triage's decisions: a mail assigned to a customer opens that customer's ticket; one dismissed opens
 * nothing.
 */
@RestController
@RequestMapping(path = "/api/v1/mail/intake", produces = MediaType.APPLICATION_JSON_VALUE)
class MailIntakeController {

    private final IntakeList list;
    private final IntakeDesk desk;

    MailIntakeController(IntakeList list, IntakeDesk desk) {
        this.list = list;
        this.desk = desk;
    }

    @GetMapping
    @Allowed.Dispatch
    Page<IntakeItem> list(@RequestParam(required = false) Outcome outcome,
                          @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return list.list(outcome, page, size);
    }

    record AssignmentRequest(@NotNull UUID customerId) {
    }

    @PostMapping("/{intakeId}/assignment")
    @Allowed.Dispatch
    ResponseEntity<Map<String, UUID>> assign(@PathVariable UUID intakeId,
                                             @Valid @RequestBody AssignmentRequest body, Actor actor) {
        UUID ticketId = desk.assign(intakeId, body.customerId(), actor.name())
                .orElseThrow(() -> notInTriage(intakeId));
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + ticketId))
                .body(Map.of("intakeId", intakeId, "ticketId", ticketId));
    }

    @PostMapping("/{intakeId}/dismissal")
    @Allowed.Dispatch
    Map<String, UUID> dismiss(@PathVariable UUID intakeId, Actor actor) {
        if (!desk.dismiss(intakeId, actor.name())) {
            throw notInTriage(intakeId);
        }
        return Map.of("intakeId", intakeId);
    }

    private RuntimeException notInTriage(UUID intakeId) {
        return list.outcome(intakeId).<RuntimeException>map(outcome -> new StateConflict("R-S3", "mail " + intakeId
                + " is not in the triage: it was " + outcome)).orElseGet(() -> new NotFound("no mail " + intakeId));
    }
}
