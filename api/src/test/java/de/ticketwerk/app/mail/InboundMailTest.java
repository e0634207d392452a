package de.ticketwerk.app.mail;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** R-S3: how a mail of the support mailbox is read, header by header, before the desk decides on it. */
class InboundMailTest {

    private static InboundMail read(String headers, String body) throws Exception {
        byte[] raw = (headers.replace("\n", "\r\n") + "\r\n" + body).getBytes(StandardCharsets.ISO_8859_1);
        return InboundMail.of(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)),
                raw, 1024);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Auto-Submitted: auto-replied            | Auto-Submitted: auto-replied",
            "Auto-Submitted: auto-generated          | Auto-Submitted: auto-generated",
            "Precedence: bulk                        | Precedence: bulk",
            "Precedence: auto_reply                  | Precedence: auto_reply",
            "X-Autoreply: yes                        | an automatic reply (X-Autoreply)",
            "Return-Path: <>                         | a bounce (empty Return-Path)"})
    void anAutomaticMailIsKnownByItsHeaders(String header, String reason) throws Exception {
        InboundMail mail = read("From: it@kanzlei.example\nSubject: Abwesend\n" + header + "\n", "Text");

        assertThat(mail.autoReply()).isEqualTo(reason);
    }

    @Test
    void aPersonsMailAndAMailerDaemonsAreToldApart() throws Exception {
        assertThat(read("From: it@kanzlei.example\nAuto-Submitted: no\n", "Text").autoReply()).isNull();
        assertThat(read("From: MAILER-DAEMON@mx.kanzlei.example\n", "Text").autoReply())
                .isEqualTo("sent by mailer-daemon@mx.kanzlei.example");
    }

    @Test
    void aMessageIdWithControlCharactersIsNoneAndTheMailIsKnownByItsBytes() throws Exception {
        InboundMail mail = read("From: it@kanzlei.example\nMessage-ID: <a\u0001b@x>\n", "Text");

        assertThat(mail.messageId()).isNull();
        assertThat(mail.key()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void theSubjectIsOnePrintableLineAndTheTicketNumberIsFoundInIt() throws Exception {
        InboundMail mail = read("From: it@kanzlei.example\nSubject: =?UTF-8?Q?AW:_[T2026-000042]_Drucker=0D=0ABcc:_x@y?=\n",
                "Text");

        assertThat(mail.subject()).isEqualTo("AW: [T2026-000042] Drucker  Bcc: x@y");
        assertThat(mail.ticketNumber()).isEqualTo("T2026-000042");
    }

    @Test
    void anHtmlOnlyMailIsReadAsTextWithoutScripts() throws Exception {
        InboundMail mail = read("From: it@kanzlei.example\nContent-Type: text/html; charset=UTF-8\n",
                "<html><head><style>p{}</style></head><body><p>Hallo &amp; danke</p><script>alert(1)</script>"
                        + "<p>Zeile&nbsp;2</p></body></html>");

        assertThat(mail.text()).isEqualTo("Hallo & danke\nZeile 2");
    }

    @Test
    void aSenderThatIsNoSingleAddressIsNone() throws Exception {
        assertThat(read("From: a@x.example, b@y.example\n", "Text").sender()).isNull();
        assertThat(read("From: kein-absender\n", "Text").sender()).isNull();
        assertThat(read("From: Frau Berger <Berger@Kanzlei.Example>\n", "Text").sender())
                .isEqualTo("berger@kanzlei.example");
    }
}
