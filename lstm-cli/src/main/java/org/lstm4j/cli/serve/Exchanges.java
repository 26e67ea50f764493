package org.lstm4j.cli.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** Reading request bodies within a limit and writing JSON answers on a JDK {@link HttpExchange}. */
final class Exchanges {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Exchanges() {}

    /**
     * The whole body, refusing one longer than {@code limit} bytes (by its {@code Content-Length} before reading, or
     * while reading a chunked one).
     *
     * @throws HttpError 413 when it is too long
     */
    static byte[] body(HttpExchange exchange, long limit) throws HttpError, IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw HttpError.badRequest("Content-Length is not a number: " + length);
            }
            if (declared > limit) {
                throw tooLarge(limit);
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > limit) {
                throw tooLarge(limit);
            }
            return bytes;
        }
    }

    private static HttpError tooLarge(long limit) {
        return new HttpError(413, "request body over the limit of " + limit + " bytes");
    }

    /** Sends {@code value} as JSON with {@code status}. */
    static void json(HttpExchange exchange, int status, Object value) throws IOException {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        send(exchange, status, bytes);
    }

    /** Sends {@code {"error": message}} with the error's status (and {@code Retry-After} when it has one). */
    static void error(HttpExchange exchange, HttpError error) throws IOException {
        if (error.retryAfterSeconds() > 0) {
            exchange.getResponseHeaders().set("Retry-After", Integer.toString(error.retryAfterSeconds()));
        }
        if (error.status() == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        }
        json(exchange, error.status(), Map.of("error", error.getMessage() == null ? "error" : error.getMessage()));
    }

    /** Sends {@code bytes} of JSON with {@code status} and closes the exchange. */
    static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
