package com.campaignkpi.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentMarksTest {

    private static final LocalDate MONDAY = LocalDate.parse("2024-04-01");
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final long WINDOW_MICROS = 30_000_000L;

    @Test
    void dayMarkedAgainAfterWindow() {
        RecentMarks marks = new RecentMarks();
        marks.written("G-A", List.of(MONDAY), 1_000_000L);

        assertEquals(List.of(TUESDAY), marks.due("G-A", List.of(MONDAY, TUESDAY), 1_000_000L + WINDOW_MICROS - 1,
                WINDOW_MICROS));
        assertEquals(List.of(MONDAY, TUESDAY), marks.due("G-A", List.of(MONDAY, TUESDAY),
                1_000_000L + WINDOW_MICROS, WINDOW_MICROS));
        assertEquals(List.of(MONDAY), marks.due("G-B", List.of(MONDAY), 1_000_001L, WINDOW_MICROS),
                "another property's day is its own");
    }

    @Test
    void noWindowMarksEveryTime() {
        RecentMarks marks = new RecentMarks();
        marks.written("G-A", List.of(MONDAY), 5L);

        assertEquals(List.of(MONDAY), marks.due("G-A", List.of(MONDAY), 5L, 0));
    }
}
