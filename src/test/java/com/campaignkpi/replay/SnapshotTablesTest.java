package com.campaignkpi.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SnapshotTablesTest {

    static final String SNAPSHOT = """
            {"property":"G-DEMO2016","from":"2016-08-01","to":"2017-08-01","timeZone":"America/Los_Angeles",
             "computedAt":"2026-12-04T20:00:00Z",
             "kpis":{
               "sessions":{"value":1830,"numerator":null,"denominator":null,"unit":"count"},
               "engagement_rate":{"value":0.5196721311,"numerator":951,"denominator":1830,"unit":"ratio"},
               "average_engagement_time":{"value":187.25,"numerator":342667.5,"denominator":1830,"unit":"seconds"},
               "revenue":{"value":3936.82,"unit":"currency","currency":"USD"},
               "aov":{"value":null,"numerator":0,"denominator":0,"unit":"currency","currency":"USD",
                      "reason":"no transactions"}},
             "groups":[
               {"key":"Organic Search","kpis":{"sessions":{"value":1015,"unit":"count"},
                 "engaged_sessions":{"value":512,"unit":"count"},
                 "engagement_rate":{"value":0.504433,"numerator":512,"denominator":1015,"unit":"ratio"},
                 "conversions":{"value":12,"unit":"count"},
                 "revenue":{"value":1234.5,"unit":"currency","currency":"USD"}}},
               {"key":"Direct","kpis":{"sessions":{"value":307,"unit":"count"},
                 "engagement_rate":{"value":0.6,"numerator":184,"denominator":307,"unit":"ratio"}}}]}
            """;

    @Test
    void rendersBothTables() throws IOException {
        String text = SnapshotTables.render(JsonValues.READER.readTree(SNAPSHOT));

        assertEquals("""
                KPIs of G-DEMO2016 from 2016-08-01 to 2017-08-01 (America/Los_Angeles)
                KPI                             Value  Numerator  Denominator  Note
                -----------------------  ------------  ---------  -----------  ---------------
                sessions                        1,830
                engagement_rate                51.97%        951        1,830
                average_engagement_time       187.3 s  342,667.5        1,830
                revenue                  3,936.82 USD
                aov                               n/a          0            0  no transactions

                Group           Sessions  Engaged sessions  Engagement rate  Conversions       Revenue
                --------------  --------  ----------------  ---------------  -----------  ------------
                Organic Search     1,015               512           50.44%           12  1,234.50 USD
                Direct               307               184           60.00%            -             -
                """, text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"value\":1234567,\"unit\":\"count\"}|1,234,567",
        "{\"value\":0.125,\"unit\":\"ratio\"}|12.50%",
        "{\"value\":0.99995,\"unit\":\"ratio\"}|100.00%",
        "{\"value\":19.999,\"unit\":\"currency\",\"currency\":\"EUR\"}|20.00 EUR",
        "{\"value\":12.04,\"unit\":\"seconds\"}|12.0 s",
        "{\"value\":null,\"unit\":\"ratio\",\"reason\":\"no sessions\"}|n/a",
        "{\"value\":null,\"unit\":\"currency\",\"byCurrency\":{\"USD\":10,\"EUR\":2.5}}|10.00 USD + 2.50 EUR",
    })
    void formatsByUnit(String json, String expected) throws IOException {
        JsonNode kpi = JsonValues.READER.readTree(json);

        assertEquals(expected, SnapshotTables.formatValue(kpi));
    }

    static final String PAID_SNAPSHOT = """
            {"property":"G-ADS","from":"2026-01-20","to":"2026-01-21","timeZone":"UTC",
             "kpis":{"sessions":{"value":2,"unit":"count"}},
             "groups":[],
             "paid":{
               "kpis":{
                 "impressions":{"value":12000,"unit":"count"},
                 "clicks":{"value":300,"unit":"count"},
                 "cost":{"value":null,"unit":"currency","byCurrency":{"USD":25.00,"EUR":20},
                         "reason":"spend in several currencies"},
                 "ctr":{"value":0.025,"numerator":300,"denominator":12000,"unit":"ratio"},
                 "cpc":{"value":null,"unit":"currency","byCurrency":{"USD":0.25,"EUR":0.1},
                        "reason":"spend in several currencies"},
                 "roas":{"value":0.5,"numerator":12.5,"denominator":25,"unit":"ratio"},
                 "cac":{"value":null,"unit":"currency","currency":"USD",
                        "reason":"no new customers attributed to the spend"},
                 "clv_to_cac":{"value":0.8,"numerator":40,"denominator":50,"unit":"ratio"}},
               "warnings":["roas_below_1","clv_below_cac","budget_spent"],
               "byPlatform":[{"platform":"GOOGLE_ADS","attributedSessions":2,"kpis":{}}],
               "byCampaign":[
                 {"platform":"GOOGLE_ADS","campaign":"Spring Sale","attributedSessions":2,"kpis":{
                   "cost":{"value":25.00,"unit":"currency","currency":"USD"},
                   "clicks":{"value":100,"unit":"count"},
                   "ctr":{"value":0.05,"numerator":100,"denominator":2000,"unit":"ratio"},
                   "cpc":{"value":0.25,"numerator":25,"denominator":100,"unit":"currency","currency":"USD"},
                   "roas":{"value":0.5,"numerator":12.5,"denominator":25,"unit":"ratio"},
                   "cac":{"value":25,"numerator":25,"denominator":1,"unit":"currency","currency":"USD"}}},
                 {"platform":"META_ADS","campaign":"X","attributedSessions":0,"kpis":{
                   "cost":{"value":20,"unit":"currency","currency":"EUR"},
                   "clicks":{"value":200,"unit":"count"},
                   "ctr":{"value":0.02,"numerator":200,"denominator":10000,"unit":"ratio"},
                   "cpc":{"value":0.1,"numerator":20,"denominator":200,"unit":"currency","currency":"EUR"},
                   "roas":{"value":0,"numerator":0,"denominator":20,"unit":"ratio"},
                   "cac":{"value":null,"unit":"currency","currency":"EUR",
                          "reason":"no new customers attributed to the spend"}}}],
               "unmatchedSpend":["META_ADS / X"],
               "unmatchedRevenue":{"USD":12.5},
               "excludedPeriodRows":1}}
            """;

    @Test
    void rendersPaidSection() throws IOException {
        String text = SnapshotTables.render(JsonValues.READER.readTree(PAID_SNAPSHOT));

        assertEquals("""
                KPIs of G-ADS from 2026-01-20 to 2026-01-21 (UTC)
                KPI       Value  Numerator  Denominator  Note
                --------  -----  ---------  -----------  ----
                sessions      2

                Paid media
                KPI                         Value  Numerator  Denominator  Note
                -----------  --------------------  ---------  -----------  ----------------------------------------
                impressions                12,000
                clicks                        300
                cost         USD 25.00, EUR 20.00                          spend in several currencies
                ctr                         2.50%        300       12,000
                cpc            USD 0.25, EUR 0.10                          spend in several currencies
                roas                       50.00%       12.5           25
                cac                           n/a                          no new customers attributed to the spend
                clv_to_cac                 80.00%         40           50

                Platform    Campaign          Cost  Clicks    CTR       CPC    ROAS        CAC  Attributed sessions
                ----------  -----------  ---------  ------  -----  --------  ------  ---------  -------------------
                GOOGLE_ADS  Spring Sale  25.00 USD     100  5.00%  0.25 USD  50.00%  25.00 USD                    2
                META_ADS    X            20.00 EUR     200  2.00%  0.10 EUR   0.00%        n/a                    0

                Warning: ROAS below 1
                Warning: CLV below CAC
                Warning: budget_spent
                Spend without attributed sessions: META_ADS / X
                Revenue of paid sessions from campaigns without spend: USD 12.50
                Left out 1 spend row totalling a period that reaches outside the range.
                """, text);
    }

    @Test
    void omitsPaidSectionWithoutSpend() throws IOException {
        String text = SnapshotTables.render(JsonValues.READER.readTree(SNAPSHOT));

        assertFalse(text.contains("Paid media"), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"value\":null,\"unit\":\"currency\",\"byCurrency\":{\"USD\":25,\"EUR\":19.999}}|USD 25.00, EUR 20.00",
        "{\"value\":null,\"unit\":\"ratio\",\"byCurrency\":{\"USD\":1.5,\"EUR\":0.25}}|USD 150.00%, EUR 25.00%",
        "{\"value\":null,\"unit\":\"currency\",\"byCurrency\":{\"USD\":1234.5,\"EUR\":null}}|USD 1,234.50, EUR n/a",
        "{\"value\":25,\"unit\":\"currency\",\"currency\":\"USD\"}|25.00 USD",
        "{\"value\":null,\"unit\":\"ratio\",\"reason\":\"no cost in the range\"}|n/a",
    })
    void formatsPaidValuePerCurrency(String json, String expected) throws IOException {
        JsonNode kpi = JsonValues.READER.readTree(json);

        assertEquals(expected, SnapshotTables.formatPaidValue(kpi));
    }
}
