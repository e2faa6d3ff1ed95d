package com.campaignkpi.kpi;

import com.campaignkpi.session.Session;
import com.campaignkpi.spend.SpendRow;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts searches for the brand: site searches in the range's sessions (GA4's {@code search} and
 * {@code view_search_results} events, whose {@code search_term} parameter contains the text) and impressions of
 * imported search-term rows, each when the text contains one of the property's brand terms, ignoring case. Site
 * searches count with their session, like every other event of a snapshot, so a search just after midnight in a
 * session that began the evening before counts on that evening's day.
 */
public final class BrandedSearches {

    private BrandedSearches() {
    }

    /**
     * Returns {@code branded_searches}, {@code branded_site_searches} and {@code branded_paid_impressions}.
     *
     * @param sessions   sessions that start in the range
     * @param rows       spend rows of the range; only rows with a keyword or search term count
     * @param brandTerms lowercase terms; without any, each value is null with the reason
     */
    public static Map<String, KpiValue> compute(List<Session> sessions, List<SpendRow> rows,
            List<String> brandTerms) {
        if (brandTerms.isEmpty()) {
            String reason = "the property names no brand terms; set brandTerms with the property function";
            KpiValue none = new KpiValue(null, null, null, KpiUnit.COUNT, null, reason, null);
            return Map.of("branded_searches", none, "branded_site_searches", none, "branded_paid_impressions",
                    none);
        }
        long site = 0;
        for (Session session : sessions) {
            for (String searchTerm : session.searchTerms()) {
                if (mentions(searchTerm, brandTerms)) {
                    site++;
                }
            }
        }
        long paid = 0;
        for (SpendRow row : rows) {
            if (row.impressions() != null && mentions(row.keyword(), brandTerms)) {
                paid += row.impressions();
            }
        }
        return Map.of(
                "branded_searches", KpiValue.count(site + paid),
                "branded_site_searches", KpiValue.count(site),
                "branded_paid_impressions", KpiValue.count(paid));
    }

    private static boolean mentions(String text, List<String> brandTerms) {
        if (text == null) {
            return false;
        }
        String lowercase = text.toLowerCase(Locale.ROOT);
        for (String term : brandTerms) {
            if (lowercase.contains(term)) {
                return true;
            }
        }
        return false;
    }
}
