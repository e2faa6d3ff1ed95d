package com.campaignkpi.benchmark;

import com.campaignkpi.benchmark.KpiFigures.Figure;
import com.campaignkpi.ingest.TrackedEvent;
import com.campaignkpi.visitor.Purchase;
import java.math.BigDecimal;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Computes the KPIs of a {@link SyntheticDay} in an in-process DuckDB database. {@link #load} copies the events, the
 * clients' first-seen times and their earlier purchases into tables once, with DuckDB's Appender. {@link #compute}
 * then runs the SQL alone: sessions by the 30-minute inactivity rule per client (a window with {@code LAG}), the
 * session totals, and the money KPIs.
 *
 * <p>The SQL follows {@code Sessionizer}, {@code Session} and {@code SessionTotals} with two simplifications, which
 * give the same results on the synthetic day:
 * <ul>
 *   <li>Sessions come from the inactivity rule alone. {@code Sessionizer} also groups events by the sender's
 *       session id and joins an event without one to a nearby sender session; the synthetic events carry no
 *       session id.</li>
 *   <li>A buyer's purchase history is looked up under the client id and the session's last user id.
 *       {@code SessionBuilder} collects every user id seen in the session; each synthetic client keeps one user
 *       id, or none, all day.</li>
 * </ul>
 * New users go by the first-seen time alone, because no synthetic event has a session number.
 */
final class DuckDbKpis implements AutoCloseable {

    /** Events with the index of their session within their client, computed by the window functions. */
    private static final String SESSION_EVENTS = """
            CREATE OR REPLACE TEMP TABLE session_events AS
            SELECT *,
                   sum(CASE WHEN gap IS NULL OR gap > %d THEN 1 ELSE 0 END)
                       OVER (PARTITION BY client_id ORDER BY ts, event_id ROWS UNBOUNDED PRECEDING) AS session_index
            FROM (
                SELECT *, ts - lag(ts) OVER (PARTITION BY client_id ORDER BY ts, event_id) AS gap
                FROM events
            )
            """;

    /**
     * Sessions that start in the range, bots included. Engagement time is the reported engagement_time_msec, or
     * first-to-last event time when no event reported it. A session is engaged when an event carried
     * session_engaged, or it had over 10 s of engagement, a key event, or 2 or more page views.
     */
    private static final String DAY_SESSIONS = """
            CREATE OR REPLACE TEMP TABLE day_sessions AS
            SELECT *,
                   coalesce(reported_msec, (end_ts - start_ts) // 1000) AS engagement_msec,
                   sender_engaged
                       OR coalesce(reported_msec, (end_ts - start_ts) // 1000) > 10000
                       OR key_events > 0
                       OR page_views >= 2 AS engaged
            FROM (
                SELECT client_id, session_index,
                       min(ts) AS start_ts,
                       max(ts) AS end_ts,
                       last(user_id ORDER BY ts, event_id) FILTER (WHERE user_id IS NOT NULL) AS user_id,
                       count(*) FILTER (WHERE name IN ('page_view', 'screen_view')) AS page_views,
                       count(*) FILTER (WHERE NOT non_interaction
                           AND name NOT IN ('session_start', 'first_visit', 'first_open', 'user_engagement'))
                           AS interactions,
                       sum(engagement_msec)::BIGINT AS reported_msec,
                       coalesce(bool_or(session_engaged), false) AS sender_engaged,
                       count(*) FILTER (WHERE name IN (%s)) AS key_events,
                       bool_or(bot) AS bot
                FROM session_events
                GROUP BY client_id, session_index
            )
            WHERE start_ts >= %d AND start_ts < %d
            """;

    /** One row: the counts over the human sessions, and the ratios of them. */
    private static final String TOTALS = """
            SELECT *,
                   engaged_sessions / sessions AS engagement_rate,
                   (sessions - engaged_sessions) / sessions AS bounce_rate,
                   single_interaction_sessions / sessions AS single_page_bounce_rate,
                   engagement_msec / 1000 / sessions AS average_engagement_time,
                   returning_users / users AS return_rate,
                   converting_sessions / sessions AS session_conversion_rate,
                   converting_users / users AS user_conversion_rate
            FROM (
                SELECT count(*) AS sessions,
                       count(*) FILTER (WHERE engaged) AS engaged_sessions,
                       count(*) FILTER (WHERE interactions = 1) AS single_interaction_sessions,
                       sum(engagement_msec)::BIGINT AS engagement_msec,
                       sum(page_views)::BIGINT AS page_views,
                       count(DISTINCT client_id) AS users,
                       count(DISTINCT client_id) FILTER (WHERE first_session) AS new_users,
                       count(DISTINCT client_id) FILTER (WHERE NOT first_session) AS returning_users,
                       sum(key_events)::BIGINT AS conversions,
                       count(*) FILTER (WHERE key_events > 0) AS converting_sessions,
                       count(DISTINCT client_id) FILTER (WHERE key_events > 0) AS converting_users,
                       (SELECT count(*) FROM day_sessions WHERE bot) AS bot_sessions
                FROM (
                    SELECT s.*, f.first_seen IS NULL OR f.first_seen >= s.start_ts AS first_session
                    FROM day_sessions s LEFT JOIN first_seen f USING (client_id)
                    WHERE NOT s.bot
                )
            )
            """;

    /**
     * Rows of (kpi, currency, n, amount, average): transactions, revenue per currency over the transactions with a
     * value, and the buyers' lifetime revenue per currency. A transaction id sent twice counts once, with
     * the value of its first event in session order, as {@code SessionTotals} keeps it.
     */
    private static final String MONEY = """
            WITH purchases AS (
                SELECT coalesce(e.transaction_id, e.event_id) AS transaction_key, e.value, e.currency,
                       coalesce(s.user_id, s.client_id) AS customer_id, s.client_id, s.user_id,
                       s.start_ts, e.ts, e.event_id
                FROM session_events e JOIN day_sessions s USING (client_id, session_index)
                WHERE e.name = 'purchase' AND NOT s.bot
            ),
            transactions AS (
                SELECT transaction_key,
                       first(value ORDER BY start_ts, client_id, ts, event_id) AS value,
                       first(currency ORDER BY start_ts, client_id, ts, event_id) AS currency
                FROM purchases
                GROUP BY transaction_key
            ),
            buyer_purchases AS (
                SELECT customer_id, transaction_key,
                       first(value ORDER BY start_ts, client_id, ts, event_id) AS value,
                       first(currency ORDER BY start_ts, client_id, ts, event_id) AS currency
                FROM purchases
                GROUP BY customer_id, transaction_key
            ),
            buyer_ids AS (
                SELECT customer_id, client_id AS id FROM purchases
                UNION
                SELECT customer_id, user_id FROM purchases WHERE user_id IS NOT NULL
            ),
            lifetime AS (
                SELECT customer_id, transaction_key,
                       first(value ORDER BY origin, ts) AS value,
                       first(currency ORDER BY origin, ts) AS currency
                FROM (
                    SELECT customer_id, transaction_key, value, currency, 0 AS origin, 0 AS ts FROM buyer_purchases
                    UNION ALL
                    SELECT b.customer_id, p.transaction_key, p.value, p.currency, 1, p.ts
                    FROM buyer_ids b JOIN past_purchases p ON p.customer_id = b.id
                    WHERE p.ts < %d
                )
                GROUP BY customer_id, transaction_key
            )
            SELECT 'transactions' AS kpi, NULL AS currency, count(*) AS n, NULL AS amount, NULL AS average
            FROM transactions
            UNION ALL
            SELECT 'revenue', currency, count(*), sum(value), sum(value)::DOUBLE / count(*)
            FROM transactions WHERE value IS NOT NULL AND currency IS NOT NULL GROUP BY currency
            UNION ALL
            SELECT 'lifetime_revenue', currency, count(DISTINCT customer_id), sum(value),
                   sum(value)::DOUBLE / count(DISTINCT customer_id)
            FROM lifetime WHERE value IS NOT NULL AND currency IS NOT NULL GROUP BY currency
            """;

    private static final String[] COUNTS = {"sessions", "engaged_sessions", "page_views", "users", "new_users",
        "returning_users", "conversions", "bot_sessions"};
    private static final String[] RATIOS = {"engagement_rate", "bounce_rate", "single_page_bounce_rate",
        "average_engagement_time", "return_rate", "session_conversion_rate", "user_conversion_rate"};

    /** Decimal places of the money columns. An amount with more decimals fails the load instead of being rounded. */
    private static final int MONEY_SCALE = 4;

    private final DuckDBConnection connection;
    private final String sessionEvents;
    private final String daySessions;
    private final String money;

    private DuckDbKpis(DuckDBConnection connection, SyntheticDay day) {
        this.connection = connection;
        String keyEvents = SyntheticDay.KEY_EVENTS.stream().sorted().map(name -> "'" + name + "'")
                .collect(Collectors.joining(", "));
        this.sessionEvents = SESSION_EVENTS.formatted(SyntheticDay.SESSION_TIMEOUT.toNanos() / 1000);
        this.daySessions = DAY_SESSIONS.formatted(keyEvents, day.startMicros(), day.endMicros());
        this.money = MONEY.formatted(day.endMicros());
    }

    /**
     * Opens an in-memory database limited to {@code threads} threads and appends the day's events, first-seen
     * times and earlier purchases to its tables.
     */
    static DuckDbKpis load(SyntheticDay day, int threads) throws SQLException {
        DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET threads TO " + threads);
                statement.execute("""
                        CREATE TABLE events (
                            event_id VARCHAR NOT NULL, name VARCHAR NOT NULL, ts BIGINT NOT NULL,
                            client_id VARCHAR NOT NULL, user_id VARCHAR, engagement_msec BIGINT,
                            session_engaged BOOLEAN, non_interaction BOOLEAN NOT NULL, value DECIMAL(18, 4),
                            currency VARCHAR, transaction_id VARCHAR, bot BOOLEAN NOT NULL)""");
                statement.execute("CREATE TABLE first_seen (client_id VARCHAR NOT NULL, first_seen BIGINT NOT NULL)");
                statement.execute("""
                        CREATE TABLE past_purchases (
                            customer_id VARCHAR NOT NULL, transaction_key VARCHAR NOT NULL, ts BIGINT NOT NULL,
                            value DECIMAL(18, 4), currency VARCHAR)""");
            }
            appendEvents(connection, day.events());
            appendFirstSeen(connection, day.history().firstSeenMicros());
            appendPastPurchases(connection, day.history().purchases());
            return new DuckDbKpis(connection, day);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Runs the SQL and returns every compared KPI. The benchmark times this method alone. */
    Map<String, Figure> compute() throws SQLException {
        Map<String, Figure> figures = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute(sessionEvents);
            statement.execute(daySessions);
            try (ResultSet totals = statement.executeQuery(TOTALS)) {
                totals.next();
                for (String count : COUNTS) {
                    figures.put(count, Figure.number(BigDecimal.valueOf(totals.getLong(count))));
                }
                for (String ratio : RATIOS) {
                    double value = totals.getDouble(ratio);
                    figures.put(ratio, Figure.number(totals.wasNull() ? null : BigDecimal.valueOf(value)));
                }
            }
            Map<String, BigDecimal> revenue = new TreeMap<>();
            Map<String, BigDecimal> averageOrder = new TreeMap<>();
            Map<String, BigDecimal> lifetimeValue = new TreeMap<>();
            try (ResultSet rows = statement.executeQuery(money)) {
                while (rows.next()) {
                    String kpi = rows.getString("kpi");
                    switch (kpi) {
                        case "transactions" -> figures.put("transactions",
                                Figure.number(BigDecimal.valueOf(rows.getLong("n"))));
                        case "revenue" -> {
                            revenue.put(rows.getString("currency"), rows.getBigDecimal("amount"));
                            averageOrder.put(rows.getString("currency"),
                                    BigDecimal.valueOf(rows.getDouble("average")));
                        }
                        case "lifetime_revenue" -> lifetimeValue.put(rows.getString("currency"),
                                BigDecimal.valueOf(rows.getDouble("average")));
                        default -> throw new IllegalStateException("The money query returned an unknown row " + kpi);
                    }
                }
            }
            figures.put("revenue", Figure.money(revenue));
            figures.put("aov", Figure.money(averageOrder));
            figures.put("clv", Figure.money(lifetimeValue));
        }
        return figures;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private static void appendEvents(DuckDBConnection connection, List<TrackedEvent> events) throws SQLException {
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "events")) {
            for (TrackedEvent event : events) {
                appender.beginRow();
                appender.append(event.eventId());
                appender.append(event.name());
                appender.append(event.timestampMicros());
                appender.append(event.clientId());
                appendNullable(appender, event.userId());
                if (event.engagementTimeMsec() == null) {
                    appender.appendNull();
                } else {
                    appender.append(event.engagementTimeMsec().longValue());
                }
                if (event.sessionEngaged() == null) {
                    appender.appendNull();
                } else {
                    appender.append(event.sessionEngaged().booleanValue());
                }
                appender.append(event.nonInteraction());
                appendMoney(appender, event.value());
                appendNullable(appender, event.currency());
                appendNullable(appender, event.transactionId());
                appender.append(event.bot());
                appender.endRow();
            }
        }
    }

    private static void appendFirstSeen(DuckDBConnection connection, Map<String, Long> firstSeen)
            throws SQLException {
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "first_seen")) {
            for (Map.Entry<String, Long> client : firstSeen.entrySet()) {
                appender.beginRow();
                appender.append(client.getKey());
                appender.append(client.getValue().longValue());
                appender.endRow();
            }
        }
    }

    private static void appendPastPurchases(DuckDBConnection connection, Map<String, List<Purchase>> purchases)
            throws SQLException {
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA,
                "past_purchases")) {
            for (Map.Entry<String, List<Purchase>> customer : purchases.entrySet()) {
                for (Purchase purchase : customer.getValue()) {
                    appender.beginRow();
                    appender.append(customer.getKey());
                    appender.append(purchase.transactionKey());
                    appender.append(purchase.timestampMicros());
                    appendMoney(appender, purchase.value());
                    appendNullable(appender, purchase.currency());
                    appender.endRow();
                }
            }
        }
    }

    private static void appendNullable(DuckDBAppender appender, String value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    private static void appendMoney(DuckDBAppender appender, BigDecimal value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            // setScale without rounding throws ArithmeticException for an amount with more decimals.
            appender.append(value.setScale(MONEY_SCALE));
        }
    }
}
