package de.ticketwerk.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.ticketwerk.contract.api.ContractEvents.ContractConcluded;
import de.ticketwerk.contract.policy.ContractPeriods;
import de.ticketwerk.pricing.api.PricingEvents.TimeEntryPriced;
import de.ticketwerk.pricing.api.Settlement;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Completes events stored before a field was added to their type, from what the event itself holds, so that every
 * reader finds the field in every event. The revision stays: the field is an addition that a reader of the earlier
 * shape ignores, and a row that has the field is left as it is.
 */
final class FieldsAddedLater extends SingleEventUpcaster {

    static final String NOT_BILLABLE = "not billable: ";

    private record Completion(String field, Consumer<ObjectNode> complete) {
    }

    /** By stored name and by the class name rows stored before the names have. */
    private static final Map<String, Completion> COMPLETIONS = byName(Map.of(
            ContractConcluded.class, new Completion("noticeDeadline", FieldsAddedLater::noticeDeadline),
            TimeEntryPriced.class, new Completion("nonBillableReason", FieldsAddedLater::nonBillableReason)));

    private static Map<String, Completion> byName(Map<Class<?>, Completion> byType) {
        Map<String, Completion> byName = new HashMap<>();
        byType.forEach((type, completion) -> {
            byName.put(type.getName(), completion);
            byName.put(StoredNames.typeOf(type).orElseThrow().getName(), completion);
        });
        return Map.copyOf(byName);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return completion(representation).isPresent();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        Completion completion = completion(representation).orElseThrow();
        return representation.upcastPayload(representation.getType(), JsonNode.class, payload -> {
            completion.complete().accept((ObjectNode) payload);
            return payload;
        });
    }

    /** Rows stored as text are only parsed when they lack the field. */
    private static Optional<Completion> completion(IntermediateEventRepresentation representation) {
        Completion completion = COMPLETIONS.get(representation.getType().getName());
        if (completion == null) {
            return Optional.empty();
        }
        Object data = representation.getData().getData();
        boolean lacksField = !(data instanceof String text) || !text.contains("\"" + completion.field() + "\"");
        return lacksField && representation.canConvertDataTo(JsonNode.class) ? Optional.of(completion)
                : Optional.empty();
    }

    /** R-C6: the deadline for notice to end the contract with its minimum term. */
    private static void noticeDeadline(ObjectNode concluded) {
        if (concluded.hasNonNull("noticeDeadline")) {
            return;
        }
        LocalDate minimumTermEnd = LocalDate.parse(concluded.get("minimumTermEnd").asText());
        int noticeMonths = concluded.get("terms").get("noticeMonths").asInt();
        concluded.put("noticeDeadline", ContractPeriods.noticeDeadline(minimumTermEnd, noticeMonths).toString());
    }

    /** R-E2: the reason non-billable work gave, which the pricing's reasons quote after {@value #NOT_BILLABLE}. */
    private static void nonBillableReason(ObjectNode priced) {
        if (priced.has("nonBillableReason")) {
            return;
        }
        JsonNode pricing = priced.get("pricing");
        String reason = null;
        if (Settlement.NOT_BILLABLE.name().equals(pricing.get("settlement").asText())) {
            for (JsonNode text : pricing.get("reasons")) {
                if (text.asText().startsWith(NOT_BILLABLE)) {
                    reason = text.asText().substring(NOT_BILLABLE.length());
                    break;
                }
            }
        }
        priced.put("nonBillableReason", reason);
    }
}
