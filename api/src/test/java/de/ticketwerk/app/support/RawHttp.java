package de.ticketwerk.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Requests written byte for byte on a socket, for what an HTTP client library refuses to send: a malformed request
 * line, a bad encoding, an oversized header. Reads one response (the connection is closed by the request).
 */
public final class RawHttp {

    public record Response(int status, String contentType, String body) {
    }

    private RawHttp() {
    }

    public static Response send(int port, String requestLine, String... headers) {
        return send(port, requestLine, List.of(headers), null);
    }

    /** With a body, sent with its Content-Length (in UTF-8); headers are sent as Latin-1 bytes, as given. */
    public static Response send(int port, String requestLine, List<String> headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: localhost\r\nConnection: close");
        for (String header : headers) {
            head.append("\r\n").append(header);
        }
        if (body != null) {
            head.append("\r\nContent-Length: ").append(content.length);
        }
        return sendRaw(port, head.toString(), content);
    }

    /** Sends the head as given (without a Content-Length of its own) and then the body's bytes as they are. */
    public static Response sendRaw(int port, String head, byte[] body) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (IOException refusedEarly) {
                // the server answered and closed before it read everything; its answer is still there to read
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one response: its head, then as much body as it announces (the server may keep the line open). */
    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection without an answer");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = "";
        long length = -1;
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).trim();
            } else if (lower.startsWith("content-length:")) {
                length = Long.parseLong(line.substring("content-length:".length()).trim());
            }
            chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (long size = chunkSize(in); size > 0; size = chunkSize(in)) {
                body.write(in.readNBytes((int) size));
                in.readNBytes(2);
            }
        } else if (length >= 0) {
            body.write(in.readNBytes((int) length));
        } else {
            in.transferTo(body);
        }
        return new Response(status, contentType, body.toString(StandardCharsets.UTF_8));
    }

    private static long chunkSize(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        String size = line.toString().split(";")[0].trim();
        return size.isEmpty() ? 0 : Long.parseLong(size, 16);
    }
}
