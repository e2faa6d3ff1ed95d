package com.campaignkpi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Guards the surefire setting that runs the suite in Asia/Kathmandu (UTC+05:45): without it, code that buckets
 * days in the JVM's zone instead of the property's would pass on a UTC machine.
 */
class DefaultTimeZoneTest {

    @Test
    void suiteRunsInKathmandu() {
        assertEquals(ZoneId.of("Asia/Kathmandu"), ZoneId.systemDefault());
    }
}
