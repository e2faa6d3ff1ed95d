package com.campaignkpi.session;

import com.campaignkpi.ingest.CampaignParams;
import com.campaignkpi.ingest.TrackedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Builds {@link TrackedEvent}s for tests with only the fields a case needs. */
public final class TestEvents {

    private static int sequence;

    private TestEvents() {
    }

    public static TrackedEvent event(String client, String name, String isoTime) {
        return builder(client, name, isoTime).build();
    }

    public static Builder builder(String client, String name, String isoTime) {
        return new Builder(client, name, ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(isoTime)));
    }

    /** A mutable builder; every field defaults to absent. */
    public static final class Builder {
        private final String client;
        private final String name;
        private final long micros;
        private String sessionId;
        private Integer sessionNumber;
        private String pageLocation;
        private String referrer;
        private CampaignParams campaign = CampaignParams.NONE;
        private Long engagementMsec;
        private Boolean sessionEngaged;
        private boolean nonInteraction;
        private BigDecimal value;
        private String currency;
        private String transactionId;
        private String userId;
        private String device;

        Builder(String client, String name, long micros) {
            this.client = client;
            this.name = name;
            this.micros = micros;
        }

        public Builder session(String id, Integer number) {
            sessionId = id;
            sessionNumber = number;
            return this;
        }

        public Builder page(String location) {
            pageLocation = location;
            return this;
        }

        public Builder referrer(String url) {
            referrer = url;
            return this;
        }

        public Builder campaign(String source, String medium, String name) {
            campaign = new CampaignParams(source, medium, name, null, null, null);
            return this;
        }

        public Builder engagement(long msec) {
            engagementMsec = msec;
            return this;
        }

        public Builder engaged(boolean engaged) {
            sessionEngaged = engaged;
            return this;
        }

        public Builder nonInteraction() {
            nonInteraction = true;
            return this;
        }

        public Builder purchase(String amount, String code, String transaction) {
            value = new BigDecimal(amount);
            currency = code;
            transactionId = transaction;
            return this;
        }

        public Builder user(String id) {
            userId = id;
            return this;
        }

        public Builder device(String category) {
            device = category;
            return this;
        }

        public TrackedEvent build() {
            return new TrackedEvent("e" + (++sequence), name, micros, client, userId, sessionId, sessionNumber,
                    pageLocation, referrer, null, campaign, Map.of(), engagementMsec, sessionEngaged, nonInteraction,
                    device, value, currency, transactionId, null, Map.of());
        }
    }
}
