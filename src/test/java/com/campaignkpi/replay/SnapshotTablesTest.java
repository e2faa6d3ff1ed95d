package com.campaignkpi.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
