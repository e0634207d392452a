package de.ticketwerk.documents.mail;

/** One mail's subject and body, as plain text and as HTML (R-S4). */
public record MailBody(String subject, String text, String html) {
}
