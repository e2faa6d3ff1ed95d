package com.campaignkpi.ingest;

/**
 * Campaign fields an event carried, from its params or else from the {@code utm_*} query of its page URL. Any
 * field may be null. Attribution of a whole session happens later, from the session's first event.
 */
public record CampaignParams(String source, String medium, String campaign, String term, String content,
        String campaignId) {

    public static final CampaignParams NONE = new CampaignParams(null, null, null, null, null, null);

    public boolean isEmpty() {
        return source == null && medium == null && campaign == null && term == null && content == null
                && campaignId == null;
    }
}
