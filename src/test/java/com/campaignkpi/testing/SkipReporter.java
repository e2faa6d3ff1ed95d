package com.campaignkpi.testing;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints why a test was skipped on the console, where Maven's summary only counts skips, so a fresh clone without
 * the shared datasets shows which files it lacks. Registered in META-INF/services.
 */
public class SkipReporter implements TestExecutionListener {

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        System.out.println("SKIPPED " + test.getDisplayName() + ": " + reason);
    }

    /** Prints the reason of a test that an unmet assumption aborted: JUnit reports those as aborted, not skipped. */
    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            String reason = result.getThrowable().map(Throwable::getMessage).orElse("no reason given");
            System.out.println("SKIPPED " + test.getDisplayName() + ": " + reason);
        }
    }
}
