package de.ticketwerk.app.web;

import de.ticketwerk.documents.Download;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A document handed out as an attachment with its file name. */
public final class Downloads {

    private Downloads() {
    }

    public static ResponseEntity<byte[]> attachment(Download download) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.fileName()).build().toString())
                .body(download.content());
    }
}
