package org.lstm4j.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** The optional body of a repository load: {@code {"parameters": {"bundle": "/path/to/model.zip"}}}. */
final class LoadRequest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadRequest() {}

    /** The bundle to load, or null to read again the one the model came from. */
    static Path bundle(byte[] body) throws HttpError {
        if (body.length == 0) {
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw HttpError.badRequest("malformed JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return null;
        }
        JsonNode bundle = root.path("parameters").path("bundle");
        if (bundle.isMissingNode() || bundle.isNull()) {
            return null;
        }
        if (!bundle.isTextual() || bundle.asText().isBlank()) {
            throw HttpError.badRequest("parameters.bundle must be the path of a model bundle");
        }
        try {
            return Path.of(bundle.asText());
        } catch (InvalidPathException e) {
            throw HttpError.badRequest("parameters.bundle: not a path: " + e.getMessage());
        }
    }
}
