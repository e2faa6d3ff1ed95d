package com.campaignkpi.rollup;

import com.campaignkpi.ingest.CampaignParams;
import com.campaignkpi.ingest.TrackedEvent;
import com.campaignkpi.session.Session;
import com.campaignkpi.traffic.TrafficSource;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Writes sessions as compact binary, deflated, and reads them back equal. A day's sessions are 1.5 to 6 % of the
 * size of its events in BENCHMARKS.md, which is what makes a rollup cheaper to read than the day itself. Hand-written rather than
 * through Jackson so that a native build needs no reflection for it.
 *
 * <p>Layout after inflating: the format version, the session count, then each session's fields in record order.
 * Text is a length in bytes (-1 for null) and UTF-8; optional numbers are a presence byte and the number.
 */
final class SessionCodec {

    /** Raised whenever the layout changes; a rollup written in another version is recomputed, not read. */
    static final int VERSION = 1;

    private SessionCodec() {
    }

    static byte[] encode(List<Session> sessions) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(VERSION);
            out.writeInt(sessions.size());
            for (Session session : sessions) {
                writeSession(out, session);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode sessions in memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads what {@link #encode} wrote.
     *
     * @throws IllegalArgumentException when the bytes are not sessions of {@link #VERSION}
     */
    static List<Session> decode(InputStream deflated) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(deflated))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("rollup format " + version + ", expected " + VERSION);
            }
            int count = in.readInt();
            List<Session> sessions = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                sessions.add(readSession(in));
            }
            return sessions;
        } catch (IOException e) {
            throw new IllegalArgumentException("rollup bytes are not sessions: " + e.getMessage(), e);
        }
    }

    private static void writeSession(DataOutputStream out, Session session) throws IOException {
        writeText(out, session.clientId());
        writeText(out, session.userId());
        writeText(out, session.key());
        out.writeLong(session.startMicros());
        out.writeLong(session.endMicros());
        writeInteger(out, session.sessionNumber());
        out.writeInt(session.pageViews());
        out.writeInt(session.interactionEvents());
        writeLong(out, session.engagementMsec());
        out.writeBoolean(session.senderEngaged());
        out.writeInt(session.keyEvents());
        out.writeInt(session.purchases().size());
        for (TrackedEvent purchase : session.purchases()) {
            writeEvent(out, purchase);
        }
        TrafficSource source = session.trafficSource();
        writeTexts(out, List.of(source.source(), source.medium(), source.campaign(), source.term(), source.content(),
                source.campaignId()));
        writeText(out, session.landingPage());
        writeText(out, session.deviceCategory());
        // Sorted, so that equal sessions encode to equal bytes and a recomputed rollup is byte for byte the same.
        writeTexts(out, List.copyOf(new TreeSet<>(session.customerIds())));
        out.writeBoolean(session.bot());
        writeTexts(out, session.searchTerms());
    }

    private static Session readSession(DataInputStream in) throws IOException {
        String clientId = readText(in);
        String userId = readText(in);
        String key = readText(in);
        long start = in.readLong();
        long end = in.readLong();
        Integer sessionNumber = readInteger(in);
        int pageViews = in.readInt();
        int interactions = in.readInt();
        Long engagement = readLong(in);
        boolean senderEngaged = in.readBoolean();
        int keyEvents = in.readInt();
        int purchaseCount = in.readInt();
        List<TrackedEvent> purchases = new ArrayList<>(purchaseCount);
        for (int i = 0; i < purchaseCount; i++) {
            purchases.add(readEvent(in));
        }
        List<String> source = readTexts(in);
        TrafficSource trafficSource = new TrafficSource(source.get(0), source.get(1), source.get(2), source.get(3),
                source.get(4), source.get(5));
        String landingPage = readText(in);
        String device = readText(in);
        Set<String> customerIds = new LinkedHashSet<>(readTexts(in));
        boolean bot = in.readBoolean();
        List<String> searchTerms = readTexts(in);
        return new Session(clientId, userId, key, start, end, sessionNumber, pageViews, interactions, engagement,
                senderEngaged, keyEvents, purchases, trafficSource, landingPage, device, customerIds, bot,
                searchTerms);
    }

    /** Writes every field of a purchase, because goals read its items and lifetime value its amount and ids. */
    private static void writeEvent(DataOutputStream out, TrackedEvent event) throws IOException {
        writeText(out, event.eventId());
        writeText(out, event.name());
        out.writeLong(event.timestampMicros());
        writeText(out, event.clientId());
        writeText(out, event.userId());
        writeText(out, event.sessionId());
        writeInteger(out, event.sessionNumber());
        writeText(out, event.pageLocation());
        writeText(out, event.pageReferrer());
        writeText(out, event.pageTitle());
        CampaignParams campaign = event.campaign();
        // List.of refuses nulls, and a campaign's fields are often absent.
        writeTexts(out, Arrays.asList(campaign.source(), campaign.medium(), campaign.campaign(),
                campaign.term(), campaign.content(), campaign.campaignId()));
        writeMap(out, event.clickIds());
        writeLong(out, event.engagementTimeMsec());
        out.writeByte(event.sessionEngaged() == null ? -1 : event.sessionEngaged() ? 1 : 0);
        out.writeBoolean(event.nonInteraction());
        writeText(out, event.deviceCategory());
        writeText(out, event.value() == null ? null : event.value().toString());
        writeText(out, event.currency());
        writeText(out, event.transactionId());
        writeText(out, event.itemsJson());
        writeMap(out, event.params());
        out.writeBoolean(event.bot());
    }

    private static TrackedEvent readEvent(DataInputStream in) throws IOException {
        String eventId = readText(in);
        String name = readText(in);
        long micros = in.readLong();
        String clientId = readText(in);
        String userId = readText(in);
        String sessionId = readText(in);
        Integer sessionNumber = readInteger(in);
        String pageLocation = readText(in);
        String pageReferrer = readText(in);
        String pageTitle = readText(in);
        List<String> campaign = readTexts(in);
        Map<String, String> clickIds = readMap(in);
        Long engagement = readLong(in);
        byte engaged = in.readByte();
        boolean nonInteraction = in.readBoolean();
        String device = readText(in);
        String value = readText(in);
        String currency = readText(in);
        String transactionId = readText(in);
        String items = readText(in);
        Map<String, String> params = readMap(in);
        boolean bot = in.readBoolean();
        return new TrackedEvent(eventId, name, micros, clientId, userId, sessionId, sessionNumber, pageLocation,
                pageReferrer, pageTitle, new CampaignParams(campaign.get(0), campaign.get(1), campaign.get(2),
                        campaign.get(3), campaign.get(4), campaign.get(5)),
                clickIds, engagement, engaged < 0 ? null : engaged == 1, nonInteraction, device,
                value == null ? null : new BigDecimal(value), currency, transactionId, items, params, bot);
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void writeTexts(DataOutputStream out, List<String> texts) throws IOException {
        out.writeInt(texts.size());
        for (String text : texts) {
            writeText(out, text);
        }
    }

    private static List<String> readTexts(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            texts.add(readText(in));
        }
        return texts;
    }

    /** Writes the entries sorted by key, so equal maps encode to equal bytes. */
    private static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
        Map<String, String> sorted = new TreeMap<>(map);
        out.writeInt(sorted.size());
        for (Map.Entry<String, String> entry : sorted.entrySet()) {
            writeText(out, entry.getKey());
            writeText(out, entry.getValue());
        }
    }

    private static Map<String, String> readMap(DataInputStream in) throws IOException {
        int count = in.readInt();
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            map.put(readText(in), readText(in));
        }
        return map;
    }

    private static void writeInteger(DataOutputStream out, Integer number) throws IOException {
        out.writeBoolean(number != null);
        if (number != null) {
            out.writeInt(number);
        }
    }

    private static Integer readInteger(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    private static void writeLong(DataOutputStream out, Long number) throws IOException {
        out.writeBoolean(number != null);
        if (number != null) {
            out.writeLong(number);
        }
    }

    private static Long readLong(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }
}
