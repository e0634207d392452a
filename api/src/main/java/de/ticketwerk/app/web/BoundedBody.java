package de.ticketwerk.app.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.IOException;

/**
 * A request body without a Content-Length (chunked) that stops with {@link TooLarge} once it grows past the limit,
 * so that it is answered 413 like a body whose length was announced.
 */
final class BoundedBody extends HttpServletRequestWrapper {

    /** Read past the limit: answered 413 ({@link ProblemHandler}). */
    static final class TooLarge extends IOException {
        final long limit;

        TooLarge(long limit) {
            super("the request body is larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    private final long limit;
    private ServletInputStream stream;

    BoundedBody(HttpServletRequest request, long limit) {
        super(request);
        this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = bounded(super.getInputStream());
        }
        return stream;
    }

    private ServletInputStream bounded(ServletInputStream in) {
        return new ServletInputStream() {
            private long read;

            @Override
            public int read() throws IOException {
                int b = in.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) throws TooLarge {
                read += n;
                if (read > limit) {
                    throw new TooLarge(limit);
                }
            }

            @Override
            public boolean isFinished() {
                return in.isFinished();
            }

            @Override
            public boolean isReady() {
                return in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }
        };
    }
}
