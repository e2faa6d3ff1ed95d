#!/usr/bin/env python3
"""Writes Google's per-session totals of a Universal Analytics sessions export as CSV.

Input: one BigQuery ga_sessions_ row per line (NDJSON), as in the Spider2 copy of
bigquery-public-data.google_analytics_sample. Output on stdout: one row per session, in input
order, with the columns below; a null value becomes an empty field. Revenue columns are in
micros (1,000,000 micros = 1 unit of the view's currency).

Usage: python3 data/samples/session_totals.py SESSIONS.ndjson > data/samples/ga360_session_totals.csv
"""
import csv
import json
import sys

SESSION_COLUMNS = ["fullVisitorId", "visitId", "visitNumber", "date"]
TOTALS_COLUMNS = [
    "visits", "hits", "pageviews", "bounces", "newVisits", "transactions",
    "totalTransactionRevenue", "transactionRevenue", "timeOnSite",
]
TRAFFIC_COLUMNS = ["source", "medium"]


def to_field(value):
    return "" if value is None else value


def main(path):
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(SESSION_COLUMNS + TOTALS_COLUMNS + ["channelGrouping"] + TRAFFIC_COLUMNS)
    with open(path, encoding="utf-8") as sessions:
        for line in sessions:
            if not line.strip():
                continue
            session = json.loads(line)
            totals = session.get("totals") or {}
            traffic = session.get("trafficSource") or {}
            writer.writerow(
                [to_field(session.get(name)) for name in SESSION_COLUMNS]
                + [to_field(totals.get(name)) for name in TOTALS_COLUMNS]
                + [to_field(session.get("channelGrouping"))]
                + [to_field(traffic.get(name)) for name in TRAFFIC_COLUMNS]
            )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: session_totals.py SESSIONS.ndjson > ga360_session_totals.csv")
    main(sys.argv[1])
