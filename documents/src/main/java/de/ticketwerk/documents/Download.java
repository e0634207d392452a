package de.ticketwerk.documents;

/** A file to hand out as it is: its name, its media type and its bytes. */
public record Download(String fileName, String mediaType, byte[] content) {

    public static final String PDF = "application/pdf";
    public static final String CSV = "text/csv;charset=UTF-8";
}
