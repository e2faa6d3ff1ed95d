package com.campaignkpi.spend;

import com.campaignkpi.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** Real ad platform exports beside the project, and helpers to turn test text into file bytes. */
final class SpendFiles {

    static final String ACTIONTAKER_SEARCH_TERMS =
            "google_ads_reports/actiontaker_search_terms_report_2026-01-28_02-24.csv";
    static final String CALPRESERVING_ADS = "google_ads_reports/calpreserving_ad_report_2026-01-20_21.csv";
    static final String CALPRESERVING_CAMPAIGNS = "google_ads_reports/calpreserving_campaign_report_alltime.csv";
    static final String GETGROUND_CAMPAIGNS = "google_ads_reports/getground_campaigns_summary.csv";
    static final String GETGROUND_SEARCH_TERMS = "google_ads_reports/getground_search_terms_report_2026-02-10_23.csv";
    /** Kaggle's original file with CR-only line ends. */
    static final String KAG_CR = "meta_ads_kag/KAG_conversion_data.csv";
    /** The same content with LF line ends. */
    static final String KAG_LF = "meta_ads_kag/KAG_conversion_data.lf.csv";

    private SpendFiles() {
    }

    /** Returns the bytes of a shared export, or skips the calling test when the file is absent. */
    static byte[] shared(String relative) {
        try {
            return Files.readAllBytes(SharedData.require(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Encodes the text with a byte order mark, as Google Ads' UTF-16 downloads are. */
    static byte[] withBom(String text, Charset charset) {
        return ("\uFEFF" + text).getBytes(charset);
    }
}
