package com.campaignkpi.spend;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads this project's own spend rows (format {@code canonical}): a JSON array of objects, or one object per line
 * (NDJSON), with the snake_case fields of {@link SpendRow}. {@code platform} is required, and every other field may
 * be missing or null. A row has a {@code date}, or a {@code range_start} and {@code range_end}, or neither.
 *
 * <p>Amounts may be JSON numbers or strings. Numbers are read as decimals, never as binary floating point. The
 * reader uses Jackson's tree model only, so it needs no reflection.
 */
final class CanonicalReader {

    static final String FORMAT = "canonical";

    /** Reads 12.30 as 12.30: decimal, and with its scale, as the CSV readers keep it. */
    private static final ObjectReader READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build()
            .readerFor(JsonNode.class);
    /** Fields read. {@code extra} is an object of further string values. */
    static final Set<String> FIELDS = Set.of("date", "range_start", "range_end", "platform", "account",
            "campaign_id", "campaign_name", "ad_group", "ad", "keyword", "impressions", "reach", "clicks",
            "interactions", "cost", "currency", "conversions", "conversion_value", "leads", "extra");

    private CanonicalReader() {
    }

    static SpendReport read(DecodedText text) {
        List<SpendRow> rows = new ArrayList<>();
        Set<String> ignored = new LinkedHashSet<>();
        try (JsonParser parser = READER.createParser(text.text())) {
            JsonToken token = parser.nextToken();
            boolean array = token == JsonToken.START_ARRAY;
            if (array) {
                token = parser.nextToken();
            }
            while (token != null && !(array && token == JsonToken.END_ARRAY)) {
                long line = parser.currentTokenLocation().getLineNr();
                if (token != JsonToken.START_OBJECT) {
                    throw SpendFormatException.invalidRow(line, "expected a JSON object, found '"
                            + abbreviate(parser.getText()) + "'");
                }
                rows.add(toRow(new CanonicalFields(readObject(parser, line), line), ignored));
                token = parser.nextToken();
            }
            // Rows after the array would otherwise be dropped without a word.
            if (array && token != null && parser.nextToken() != null) {
                throw SpendFormatException.invalidRow(parser.currentTokenLocation().getLineNr(),
                        "content after the array's closing ']': send one array, or one object per line");
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw SpendFormatException.invalidRow(line, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a string failed", e);
        }
        Warnings warnings = new Warnings();
        if (!ignored.isEmpty()) {
            warnings.add("Fields not read: " + String.join(", ", ignored));
        }
        return new SpendReport(FORMAT, null, null, rows, List.of(), List.copyOf(ignored), warnings.list());
    }

    /**
     * Reads the object at the parser. Jackson reports a decimal it cannot hold, such as 1e99999999999999999999, with
     * a NumberFormatException rather than its own exception types.
     */
    private static JsonNode readObject(JsonParser parser, long line) throws IOException {
        try {
            return READER.readTree(parser);
        } catch (NumberFormatException e) {
            throw SpendFormatException.invalidRow(line, "a number is out of range: " + abbreviate(e.getMessage()));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    private static SpendRow toRow(CanonicalFields fields, Set<String> ignored) {
        for (Iterator<String> names = fields.node().fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                ignored.add(name);
            }
        }
        SpendRow.Builder builder = SpendRow.builder(fields.platform())
                .account(fields.text("account"))
                .campaignId(fields.text("campaign_id"))
                .campaignName(fields.text("campaign_name"))
                .adGroup(fields.text("ad_group"))
                .ad(fields.text("ad"))
                .keyword(fields.text("keyword"))
                .impressions(fields.count("impressions"))
                .reach(fields.count("reach"))
                .clicks(fields.count("clicks"))
                .interactions(fields.count("interactions"))
                .cost(fields.decimal("cost"))
                .currency(fields.currency("currency"))
                .conversions(fields.decimal("conversions"))
                .conversionValue(fields.decimal("conversion_value"))
                .leads(fields.decimal("leads"));
        fields.dates(builder);
        for (Map.Entry<String, String> entry : fields.extra().entrySet()) {
            builder.extra(entry.getKey(), entry.getValue());
        }
        return builder.build();
    }
}
