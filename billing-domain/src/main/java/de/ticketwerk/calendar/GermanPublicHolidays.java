package de.ticketwerk.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The statutory public holidays of each German federal state, from Jollyday's bundled calendar (no network). */
public final class GermanPublicHolidays implements PublicHolidays {

    private final HolidayManager germany = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.GERMANY));
    private final Map<String, Set<LocalDate>> byStateAndYear = new ConcurrentHashMap<>();

    @Override
    public boolean isPublicHoliday(LocalDate date, FederalState state) {
        return byStateAndYear.computeIfAbsent(state + "-" + date.getYear(), key -> load(state, date.getYear()))
                .contains(date);
    }

    private Set<LocalDate> load(FederalState state, int year) {
        return germany.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, state.name().toLowerCase(Locale.ROOT))
                .stream().map(Holiday::getDate).collect(Collectors.toUnmodifiableSet());
    }
}
