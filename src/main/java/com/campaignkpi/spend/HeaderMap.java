package com.campaignkpi.spend;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The header row of a report: which cell contains which {@link Column}, and the headers left unread. */
final class HeaderMap {

    private final List<String> names;
    private final Map<Column, Integer> indexes = new EnumMap<>(Column.class);
    private final Map<Column, Integer> priorities = new EnumMap<>(Column.class);
    private final Map<Column, String> headerCurrencies = new EnumMap<>(Column.class);
    private final List<String> ignored = new ArrayList<>();

    private HeaderMap(List<String> names) {
        this.names = List.copyOf(names);
    }

    static HeaderMap resolve(List<String> header, Vocabulary vocabulary) {
        HeaderMap map = new HeaderMap(header);
        List<Integer> displaced = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            Vocabulary.Match match = vocabulary.match(header.get(i));
            if (match == null) {
                displaced.add(i);
                continue;
            }
            Integer previous = map.indexes.get(match.column());
            if (previous != null && map.priorities.get(match.column()) <= match.priority()) {
                displaced.add(i);
                continue;
            }
            if (previous != null) {
                displaced.add(previous);
            }
            map.indexes.put(match.column(), i);
            map.priorities.put(match.column(), match.priority());
            if (match.headerCurrency() != null) {
                map.headerCurrencies.put(match.column(), match.headerCurrency());
            }
        }
        displaced.stream().sorted().map(header::get).filter(name -> !name.isBlank()).forEach(map.ignored::add);
        return map;
    }

    /** Throws when none of the alternative columns, such as Cost or Spend, is present. */
    void requireAny(String format, Vocabulary vocabulary, Column... columns) {
        List<String> expected = new ArrayList<>();
        for (Column column : columns) {
            if (has(column)) {
                return;
            }
            expected.addAll(vocabulary.names(column));
        }
        throw SpendFormatException.missingColumns(format, expected, names);
    }

    boolean has(Column column) {
        return indexes.containsKey(column);
    }

    /** Returns the cell index of the column, or -1 when the header lacks it. */
    int index(Column column) {
        return indexes.getOrDefault(column, -1);
    }

    /** Returns the header as the file writes it for the column, or null when the header lacks it. */
    String name(Column column) {
        Integer index = indexes.get(column);
        return index == null ? null : names.get(index);
    }

    /** Returns the currency named in the column's header, such as USD for "Amount spent (USD)", or null. */
    String headerCurrency(Column column) {
        return headerCurrencies.get(column);
    }

    /** Returns how many columns the header has that this library reads. */
    int matched() {
        return indexes.size();
    }

    int size() {
        return names.size();
    }

    List<String> names() {
        return names;
    }

    List<String> ignored() {
        return List.copyOf(ignored);
    }
}
