package com.campaignkpi.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.campaignkpi.ingest.TrackedEvent;
import com.campaignkpi.session.Session;
import com.campaignkpi.session.Sessionizer;
import com.campaignkpi.spend.AdPlatform;
import com.campaignkpi.spend.SpendRow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BrandedSearchesTest {

    private static final List<String> TERMS = List.of("digikala", "دیجی کالا");

    @Test
    void countsSiteSearchesAndPaidImpressions() {
        List<Session> sessions = sessions(
                search("search", "DigiKala mobile"),
                search("view_search_results", "گوشی دیجی کالا"),
                search("search", "cheap phones"),
                search("page_view", "digikala"));
        List<SpendRow> rows = List.of(row("digikala login", 120L), row("phones", 900L), row(null, 50L));

        Map<String, KpiValue> kpis = BrandedSearches.compute(sessions, rows, TERMS);

        assertEquals(new BigDecimal(2), kpis.get("branded_site_searches").value());
        assertEquals(new BigDecimal(120), kpis.get("branded_paid_impressions").value());
        assertEquals(new BigDecimal(122), kpis.get("branded_searches").value());
    }

    @Test
    void noBrandTermsHasReason() {
        KpiValue value = BrandedSearches.compute(sessions(search("search", "digikala")), List.of(), List.of())
                .get("branded_searches");

        assertNull(value.value());
        assertEquals("the property names no brand terms; set brandTerms with the property function",
                value.reason());
    }

    private static List<Session> sessions(TrackedEvent... events) {
        return Sessionizer.sessionize(List.of(events), Duration.ofMinutes(30), Set.of());
    }

    private static TrackedEvent search(String name, String term) {
        return new TrackedEvent("e-" + name + term.hashCode(), name, 1_780_000_000_000_000L, "1.1", null, null,
                null, null, null, null, null, null, null, null, false, null, null, null, null, null,
                Map.of("search_term", term));
    }

    private static SpendRow row(String keyword, Long impressions) {
        return new SpendRow(LocalDate.of(2026, 6, 1), null, null, AdPlatform.GOOGLE_ADS, "account", "1", "Brand",
                "group", null, keyword, impressions, null, 10L, null, new BigDecimal("5.00"), "EUR", null, null,
                null, Map.of());
    }
}
