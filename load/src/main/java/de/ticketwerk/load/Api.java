package de.ticketwerk.load;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The application's REST API over real HTTP/1.1, one kept-alive connection per instance. A request that gets no
 * answer throws {@link IOException}; the next request opens a new connection. It is a plain blocking client because
 * the driver shares the machine's two cores with the application: the JDK's HttpClient spent about 2 ms of CPU per
 * request, a fifth of the machine at a few hundred requests per second.
 */
final class Api {

    record Response(int status, String body) {
        JsonNode json() {
            return MAPPER.readTree(body);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int ANSWER_TIMEOUT_MILLIS = 30_000;

    private final String host;
    private final int port;
    private final String basePath;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private final Tokens tokens;

    /** Without tokens: only for what needs none (the health check). */
    Api(String baseUrl) {
        this(baseUrl, null);
    }

    Api(String baseUrl, Tokens tokens) {
        this.tokens = tokens;
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort() == -1 ? 80 : uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    synchronized Response get(String path) throws IOException {
        return send("GET", path, null, "load-driver");
    }

    synchronized Response post(String path, String json) throws IOException {
        return send("POST", path, json, "load-driver");
    }

    /** Any command, with the token for {@code actor}. */
    synchronized Response send(String method, String path, String json, String actor) throws IOException {
        return send(method, path, json, actor, null);
    }

    /** With an Idempotency-Key unless it is null. */
    synchronized Response send(String method, String path, String json, String actor, String idempotencyKey)
            throws IOException {
        try {
            if (socket == null) {
                connect();
            }
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(basePath).append(path)
                    .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port).append("\r\n");
            if (tokens != null) {
                head.append("Authorization: Bearer ").append(tokens.forActor(actor)).append("\r\n");
            }
            if (idempotencyKey != null) {
                head.append("Idempotency-Key: ").append(idempotencyKey).append("\r\n");
            }
            if (!method.equals("GET")) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length)
                        .append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return readResponse();
        } catch (IOException | RuntimeException e) {
            disconnect();
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    /** For set-up steps that must succeed. */
    JsonNode postOk(String path, String json) throws IOException {
        Response response = post(path, json);
        if (!response.ok()) {
            throw new IOException("POST " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    private Response readResponse() throws IOException {
        String statusLine = readLine();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(readLine().split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(readLine().split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                readLine();
            }
            while (!readLine().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            byte[] bytes = in.readNBytes((int) length);
            if (bytes.length < length) {
                throw new EOFException("the answer ended early");
            }
            body.write(bytes);
        } else {
            body.write(in.readAllBytes());
            close = true;
        }
        if (close) {
            disconnect();
        }
        return new Response(status, body.toString(StandardCharsets.UTF_8));
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                throw new EOFException("the connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void connect() throws IOException {
        Socket connected = new Socket();
        try {
            connected.setTcpNoDelay(true);
            connected.setSoTimeout(ANSWER_TIMEOUT_MILLIS);
            connected.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            in = new BufferedInputStream(connected.getInputStream(), 16 * 1024);
            out = new BufferedOutputStream(connected.getOutputStream(), 8 * 1024);
            socket = connected;
        } catch (IOException e) {
            connected.close();
            throw e;
        }
    }

    private void disconnect() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
            socket = null;
        }
    }
}
