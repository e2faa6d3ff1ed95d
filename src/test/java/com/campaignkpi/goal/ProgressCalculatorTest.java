package com.campaignkpi.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.campaignkpi.goal.ProgressCalculator.Measure;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Goal progress on cases worked out by hand. The window is June 2026, 30 days. The sales goal is revenue 20 % over a
 * baseline of 1000, so its target is 1200.
 */
class ProgressCalculatorTest {

    private static final LocalDate START = LocalDate.of(2026, 6, 1);
    private static final LocalDate DEADLINE = LocalDate.of(2026, 6, 30);

    @Test
    void salesOnFirstDay() {
        GoalProgress progress = revenue("50", LocalDate.of(2026, 6, 1));

        assertEquals("2026-06-01", progress.asOf());
        assertEquals(1, progress.daysElapsed());
        assertEquals(30, progress.daysTotal());
        assertEquals(new BigDecimal("40.00"), progress.expectedByToday(), "1200 x 1/30");
        assertEquals(new BigDecimal("1500.00"), progress.projectedAtDeadline(), "50 x 30/1");
        assertEquals(new BigDecimal("0.041667"), progress.shareDone(), "50 / 1200");
        assertEquals(GoalProgress.ON_TRACK, progress.status());
    }

    @Test
    void salesMidwayByPace() {
        LocalDate midway = LocalDate.of(2026, 6, 15);

        GoalProgress exactPace = revenue("600", midway);
        GoalProgress nearly = revenue("590", midway);
        GoalProgress behind = revenue("570", midway);

        assertEquals(new BigDecimal("600.00"), exactPace.expectedByToday(), "1200 x 15/30");
        assertEquals(new BigDecimal("1200.00"), exactPace.projectedAtDeadline());
        assertEquals(GoalProgress.ON_TRACK, exactPace.status());
        assertEquals(new BigDecimal("1180.00"), nearly.projectedAtDeadline());
        assertEquals(GoalProgress.AT_RISK, nearly.status(), "(1180 - 1000) / (1200 - 1000) = 0.9 of the way");
        assertEquals(new BigDecimal("1140.00"), behind.projectedAtDeadline());
        assertEquals(GoalProgress.OFF_TRACK, behind.status(), "0.7 of the way");
    }

    @Test
    void salesReachedEarlyIsAchieved() {
        GoalProgress progress = revenue("1250", LocalDate.of(2026, 6, 20));

        assertEquals(GoalProgress.ACHIEVED, progress.status());
        assertEquals(new BigDecimal("1.041667"), progress.shareDone());
    }

    @Test
    void salesAfterDeadline() {
        GoalProgress met = revenue("1210", LocalDate.of(2026, 7, 2));
        GoalProgress missed = revenue("1100", LocalDate.of(2026, 7, 2));

        assertEquals("2026-06-30", met.asOf());
        assertEquals(30, met.daysElapsed());
        assertEquals(GoalProgress.ACHIEVED, met.status());
        assertEquals(GoalProgress.MISSED, missed.status());
    }

    @Test
    void salesBeforeStart() {
        GoalProgress progress = revenue("0", LocalDate.of(2026, 5, 30));

        assertEquals(GoalProgress.NOT_STARTED, progress.status());
        assertEquals(0, progress.daysElapsed());
        assertEquals(new BigDecimal("0.00"), progress.expectedByToday());
        assertNull(progress.current());
    }

    @Test
    void rateRisingFromBaseline() {
        LocalDate midway = LocalDate.of(2026, 6, 15);

        GoalProgress behind = conversionRate("0.022", midway);
        GoalProgress nearly = conversionRate("0.0246", midway);
        GoalProgress ahead = conversionRate("0.026", midway);

        assertEquals(new BigDecimal("0.022500"), behind.expectedByToday(), "0.020 + 0.005 x 15/30");
        assertEquals(new BigDecimal("0.022"), behind.projectedAtDeadline(), "a rate projects as it is");
        assertEquals(new BigDecimal("0.400000"), behind.shareDone(), "0.002 of the 0.005 change");
        assertEquals(GoalProgress.OFF_TRACK, behind.status());
        assertEquals(GoalProgress.AT_RISK, nearly.status(), "0.92 of the way");
        assertEquals(GoalProgress.ON_TRACK, ahead.status());
    }

    @Test
    void rateFallingTowardTarget() {
        LocalDate midway = LocalDate.of(2026, 6, 15);

        assertEquals(GoalProgress.OFF_TRACK, bounceRate("0.52", midway).status(), "0.8 of the way down");
        assertEquals(GoalProgress.AT_RISK, bounceRate("0.505", midway).status(), "0.95 of the way down");
        assertEquals(GoalProgress.ON_TRACK, bounceRate("0.49", midway).status());
        assertEquals(GoalProgress.MISSED, bounceRate("0.51", LocalDate.of(2026, 7, 1)).status());
        assertEquals(GoalProgress.ACHIEVED, bounceRate("0.50", LocalDate.of(2026, 7, 1)).status());
    }

    @Test
    void costCutIsNotAchievedEarly() {
        GoalProgress progress = ProgressCalculator.progress(true, false, 2, measure("1000"), measure("400"),
                measure("900"), START, DEADLINE, LocalDate.of(2026, 6, 15));

        assertEquals(new BigDecimal("800.00"), progress.projectedAtDeadline());
        assertEquals(GoalProgress.ON_TRACK, progress.status(), "a total can still grow past the cap");
    }

    @Test
    void targetBehindBaselineMeasuredAgainstTarget() {
        GoalProgress progress = ProgressCalculator.progress(false, true, 6, measure("0.5"), measure("0.18"),
                measure("0.40"), START, DEADLINE, LocalDate.of(2026, 6, 15));

        assertEquals(new BigDecimal("0.40"), progress.expectedByToday(), "no line from a baseline already past");
        assertEquals(new BigDecimal("0.450000"), progress.shareDone(), "0.18 / 0.40");
        assertEquals(GoalProgress.OFF_TRACK, progress.status());
    }

    @Test
    void missingTargetHasReason() {
        GoalProgress progress = ProgressCalculator.progress(true, true, 2, new Measure(null, "no sessions"),
                measure("10"), new Measure(null, "the baseline is zero"), START, DEADLINE,
                LocalDate.of(2026, 6, 15));

        assertNull(progress.status());
        assertEquals("no target: the baseline is zero", progress.reason());
        assertEquals(new BigDecimal("10"), progress.current());
    }

    private static GoalProgress revenue(String current, LocalDate today) {
        return ProgressCalculator.progress(true, true, 2, measure("1000"), measure(current), measure("1200"),
                START, DEADLINE, today);
    }

    private static GoalProgress conversionRate(String current, LocalDate today) {
        return ProgressCalculator.progress(false, true, 6, measure("0.020"), measure(current), measure("0.025"),
                START, DEADLINE, today);
    }

    private static GoalProgress bounceRate(String current, LocalDate today) {
        return ProgressCalculator.progress(false, false, 6, measure("0.60"), measure(current), measure("0.50"),
                START, DEADLINE, today);
    }

    private static Measure measure(String value) {
        return new Measure(new BigDecimal(value), null);
    }
}
