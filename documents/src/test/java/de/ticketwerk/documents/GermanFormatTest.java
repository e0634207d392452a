package de.ticketwerk.documents;

import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.WorkMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class GermanFormatTest {

    private final GermanFormat f = new GermanFormat();

    @ParameterizedTest
    @EnumSource(ServiceItem.class)
    void everyServiceItemHasAGermanName(ServiceItem item) {
        assertThat(f.serviceItem(item)).isNotBlank().isNotEqualTo(item.name());
    }

    @ParameterizedTest
    @CsvSource({"REMOTE_SUPPORT, TECHNICIAN, REMOTE, 'Remote-Support, Techniker, remote'",
            "SERVER_ADMIN, ARCHITECT, ONSITE, 'Wartung / Administration Server, Architekt, vor Ort'",
            "DEVICE_ADMIN, SYSTEM_ENGINEER, ONSITE, 'Wartung / Administration IT-Geräte, Systemingenieur, vor Ort'",
            "HOTLINE, CONSULTANT, REMOTE, 'Servicehotline, Berater, remote'"})
    void workIsNamedAsTheCustomerReadsIt(ServiceItem item, Role role, WorkMode mode, String text) {
        assertThat(f.work(item, role, mode)).isEqualTo(text);
        assertThat(f.workNamed(item.name(), role.name(), mode.name())).isEqualTo(text);
    }

    @Test
    void amountsMinutesAndWorkWithoutAnItem() {
        assertThat(f.euro(new BigDecimal("1234.56"))).isEqualTo("1.234,56 €");
        assertThat(f.hours(130)).isEqualTo("2:10 h");
        assertThat(f.hours(-260)).isEqualTo("−4:20 h");
        assertThat(f.serviceItemNamed(null)).isEqualTo("ohne Leistung");
    }
}
