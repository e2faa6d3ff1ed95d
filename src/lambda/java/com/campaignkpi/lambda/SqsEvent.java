package com.campaignkpi.lambda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A batch of SQS messages as Lambda's event source mapping delivers it, with the fields the ingest function reads.
 *
 * @param records the messages, at most the mapping's batch size
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SqsEvent(@JsonProperty("Records") List<Message> records) {

    /**
     * One message.
     *
     * @param messageId  what a batch item failure names to have this message delivered again
     * @param attributes system attributes, among them {@code ApproximateReceiveCount}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(String messageId, String body, Map<String, String> attributes) {

        /** Returns how often SQS has delivered this message, this time included, or 1 when unknown. */
        public int receiveCount() {
            String count = attributes == null ? null : attributes.get("ApproximateReceiveCount");
            try {
                return count == null ? 1 : Integer.parseInt(count);
            } catch (NumberFormatException e) {
                return 1;
            }
        }
    }
}
