package org.lstm4j.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real HTTP client for the tests: JSON in, status and body out. */
final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    /** One response: status, body and its JSON (null when the body is not JSON). */
    record Reply(int status, String body, JsonNode json, HttpResponse<String> raw) {}

    Http(String base) {
        this(base, null);
    }

    Http(String base, String token) {
        this.base = base;
        this.token = token;
    }

    Http withToken(String value) {
        return new Http(base, value);
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Reply post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Reply send(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = JSON.readTree(response.body());
            } catch (IOException e) {
                json = null;
            }
            return new Reply(response.statusCode(), response.body(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An infer request body of {@code windows} raw windows. */
    static String inferBody(String datatype, int windows, int steps, int columns, double[] data) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < data.length; i++) {
            values.append(i == 0 ? "" : ",").append(data[i]);
        }
        return "{\"id\":\"req-1\",\"inputs\":[{\"name\":\"input\",\"shape\":[" + windows + "," + steps + "," + columns
                + "],\"datatype\":\"" + datatype + "\",\"data\":[" + values + "]}]}";
    }
}
