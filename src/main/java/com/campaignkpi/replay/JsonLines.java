package com.campaignkpi.replay;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the JSON values of a file one by one: NDJSON (one object per line, or any whitespace-separated sequence) or
 * a single top-level array of objects. Each value comes with the line and column where it starts, for errors.
 */
final class JsonLines {

    /** Receives one JSON object with the position where it starts. */
    interface ValueHandler {
        void accept(JsonNode value, long line, long column);
    }

    private JsonLines() {
    }

    static void forEach(Path file, ValueHandler handler) throws IOException {
        try (BufferedReader reader = InputFiles.open(file);
                JsonParser parser = JsonValues.READER.createParser(reader)) {
            JsonToken token = next(file, parser);
            boolean array = token == JsonToken.START_ARRAY;
            if (array) {
                token = next(file, parser);
            }
            while (token != null && !(array && token == JsonToken.END_ARRAY)) {
                JsonLocation start = parser.currentTokenLocation();
                if (token != JsonToken.START_OBJECT) {
                    throw new ReplayInputException(file, start.getLineNr(), String.valueOf(start.getColumnNr()),
                            "expected a JSON object, found '" + parser.getText() + "'");
                }
                JsonNode value = read(file, parser);
                handler.accept(value, start.getLineNr(), start.getColumnNr());
                token = next(file, parser);
            }
        }
    }

    private static JsonToken next(Path file, JsonParser parser) throws IOException {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw malformed(file, e);
        }
    }

    private static JsonNode read(Path file, JsonParser parser) throws IOException {
        try {
            return JsonValues.READER.readTree(parser);
        } catch (JsonProcessingException e) {
            throw malformed(file, e);
        }
    }

    private static ReplayInputException malformed(Path file, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        long line = location == null ? 0 : location.getLineNr();
        String column = location == null ? "?" : String.valueOf(location.getColumnNr());
        return new ReplayInputException(file, line, column, "malformed JSON: " + e.getOriginalMessage());
    }
}
