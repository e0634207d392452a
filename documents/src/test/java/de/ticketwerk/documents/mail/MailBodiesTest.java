package de.ticketwerk.documents.mail;

import de.ticketwerk.documents.mail.MailBodies.TicketOpened;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** R-S3/R-S4: the confirmation of a ticket names its number and its time of receipt, in German, as text and HTML. */
class MailBodiesTest {

    private final MailBodies bodies = new MailBodies();

    @Test
    void theConfirmationNamesTheNumberTheTimeOfReceiptAndTheDeadline() {
        MailBody mail = bodies.ticketOpened(new TicketOpened("T2026-000123", "Drucker <druckt> nicht & mehr",
                Instant.parse("2026-03-06T14:00:00Z"), Instant.parse("2026-03-09T12:00:00Z"), "IT-Service GmbH"));

        assertThat(mail.subject()).isEqualTo("[T2026-000123] Ihre Anfrage ist eingegangen: Drucker <druckt> nicht & mehr");
        assertThat(mail.text()).contains("Ticketnummer:  T2026-000123", "Eingegangen:   06.03.2026, 15:00 Uhr",
                "Betreff:       Drucker <druckt> nicht & mehr", "Erste Antwort: spätestens 09.03.2026, 13:00 Uhr",
                "IT-Service GmbH");
        assertThat(mail.html()).contains("T2026-000123", "06.03.2026, 15:00 Uhr",
                "Drucker &lt;druckt&gt; nicht &amp; mehr", "spätestens 09.03.2026, 13:00 Uhr")
                .doesNotContain("<druckt>");
    }

    @Test
    void withoutAPromiseTheDeadlineIsLeftOut() {
        MailBody mail = bodies.ticketOpened(new TicketOpened("T2026-000124", "Scanner",
                Instant.parse("2026-07-01T08:30:00Z"), null, "IT-Service GmbH"));

        assertThat(mail.text()).contains("Eingegangen:   01.07.2026, 10:30 Uhr").doesNotContain("Erste Antwort");
        assertThat(mail.html()).doesNotContain("Erste Antwort");
    }

    @Test
    void aStatusChangeNamesTheNewStatusInGermanAndWhatTheCustomerIsAskedFor() {
        MailBody mail = bodies.ticketStatusChanged(new MailBodies.TicketStatusChanged("T2026-000125", "VPN",
                "WAITING_FOR_CUSTOMER", "Bitte senden Sie uns das Protokoll.", "IT-Service GmbH"));

        assertThat(mail.subject()).isEqualTo("[T2026-000125] Wir benötigen Ihre Rückmeldung: VPN");
        assertThat(mail.text()).contains("hat einen neuen Stand: Wir benötigen Ihre Rückmeldung.",
                "Bitte senden Sie uns das Protokoll.");
        assertThat(mail.html()).contains("Wir benötigen Ihre Rückmeldung", "Bitte senden Sie uns das Protokoll.");
    }

    @Test
    void theResolutionIsNamed() {
        MailBody mail = bodies.ticketResolved(new MailBodies.TicketResolved("T2026-000126", "VPN",
                "Neues Zertifikat", "IT-Service GmbH"));

        assertThat(mail.subject()).isEqualTo("[T2026-000126] Gelöst: VPN");
        assertThat(mail.text()).contains("ist gelöst.", "Lösung: Neues Zertifikat");
        assertThat(mail.html()).contains("Lösung: Neues Zertifikat");
    }

    @Test
    void anExhaustedQuotaNamesTheDayAndTheBalance() {
        MailBody mail = bodies.quotaExhausted(new MailBodies.QuotaExhausted(java.time.LocalDate.of(2026, 1, 12), -30,
                "IT-Service GmbH"));

        assertThat(mail.subject()).isEqualTo("Ihr Stundenkontingent ist aufgebraucht");
        assertThat(mail.text()).contains("mit den Leistungen vom 12.01.2026 aufgebraucht", "Bestand: −0:30 h");
        assertThat(mail.html()).contains("12.01.2026", "−0:30 h");
    }
}
