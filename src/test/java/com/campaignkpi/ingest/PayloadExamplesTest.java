package com.campaignkpi.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.campaignkpi.testing.SharedData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Google's own Measurement Protocol examples must all be readable and valid. */
class PayloadExamplesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void everyGa4ExampleIsValid() throws IOException {
        JsonNode examples = new ObjectMapper().readTree(SharedData.require(
                "payload_examples/ga4_measurement_protocol_examples.json").toFile()).get("examples");
        int events = 0;

        for (JsonNode example : examples) {
            List<IncomingEvent> incoming = MeasurementProtocolBody.split(example.get("body")).events();
            for (IncomingEvent event : incoming) {
                // Import mode: the examples carry fixed timestamps from years ago.
                Violation violation = EventValidator.validate(event, NOW, true);
                assertNull(violation, () -> example.get("path").asText() + ": " + violation);
                EventMapper.Result mapped = EventMapper.map(event, NOW);
                assertNull(mapped.violation(), () -> example.get("path").asText() + ": " + mapped.violation());
                assertNotNull(mapped.event().eventId());
                events++;
            }
        }

        assertEquals(27, examples.size());
        assertEquals(27, events, "one event per example body");
    }
}
