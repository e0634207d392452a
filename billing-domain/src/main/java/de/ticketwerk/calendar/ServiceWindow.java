package de.ticketwerk.calendar;

import de.ticketwerk.rules.RuleViolation;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/** One day's service hours, from inclusive to exclusive, in the contract's zone (R-H1). */
public record ServiceWindow(DayOfWeek day, LocalTime from, LocalTime to) {

    public ServiceWindow {
        Objects.requireNonNull(day, "day is required");
        Objects.requireNonNull(from, "from is required");
        Objects.requireNonNull(to, "to is required");
        if (!to.isAfter(from)) {
            throw new RuleViolation("R-H1", "service hours on " + day + " must end after they start");
        }
    }

    public boolean contains(DayOfWeek day, LocalTime time) {
        return this.day == day && !time.isBefore(from) && time.isBefore(to);
    }
}
