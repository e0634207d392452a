package de.ticketwerk.contract.api;

/** How a notice reached us. R-C6 requires text form (BGB § 126b): a phone call is recorded only to be refused. */
public enum NoticeChannel {
    LETTER, EMAIL, FAX, PORTAL, PHONE;

    public boolean isTextForm() {
        return this != PHONE;
    }
}
