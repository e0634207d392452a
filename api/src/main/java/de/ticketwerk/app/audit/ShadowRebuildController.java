package de.ticketwerk.app.audit;

import de.ticketwerk.app.access.Actor;
import de.ticketwerk.app.access.Allowed;
import de.ticketwerk.app.web.NotFound;
import de.ticketwerk.projections.rebuild.ShadowRebuild.Status;
import de.ticketwerk.rules.StateConflict;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * R-AU4: every read model rebuilt from the events beside the live ones, and compared with them. The request starts
 * the run and answers at once; its status resource shows the events done of the total, then the comparison.
 */
@RestController
@RequestMapping(path = "/api/v1/audit/shadow-rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
class ShadowRebuildController {

    private final ShadowRebuilds rebuilds;

    ShadowRebuildController(ShadowRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping
    @Allowed.Operations
    ResponseEntity<Status> start(Actor actor) {
        Status started = rebuilds.start(actor.name()).orElseThrow(() -> new StateConflict("R-AU4",
                "a shadow rebuild is running; its status shows when it is done"));
        return ResponseEntity.accepted().location(URI.create("/api/v1/audit/shadow-rebuild/" + started.id()))
                .body(started);
    }

    @GetMapping("/{id}")
    @Allowed.Operations
    Status status(@PathVariable UUID id) {
        return rebuilds.status(id).orElseThrow(() -> new NotFound("no shadow rebuild " + id));
    }
}
