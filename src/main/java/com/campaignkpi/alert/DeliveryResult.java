package com.campaignkpi.alert;

/**
 * Outcome of one webhook delivery of alerts.
 *
 * @param outcome    delivered, failed, dropped because the queue was full, or skipped with nothing to send
 * @param attempts   requests sent, 0 when none was
 * @param httpStatus status of the last response, or null when no response came
 * @param error      why the delivery failed, was dropped or skipped, without the URL; null when delivered
 */
public record DeliveryResult(Outcome outcome, int attempts, Integer httpStatus, String error) {

    /** The ways a delivery ends. */
    public enum Outcome {
        /** The receiver returned a 2xx status. */
        DELIVERED,
        /** The receiver returned another status or timed out, or could not be reached in any attempt. */
        FAILED,
        /** The delivery queue was full, so nothing was sent. */
        DROPPED,
        /** There were no alerts to send. */
        SKIPPED
    }

    /** Returns whether the receiver accepted the alerts. */
    public boolean delivered() {
        return outcome == Outcome.DELIVERED;
    }

    static DeliveryResult delivered(int attempts, int httpStatus) {
        return new DeliveryResult(Outcome.DELIVERED, attempts, httpStatus, null);
    }

    static DeliveryResult failed(int attempts, Integer httpStatus, String error) {
        return new DeliveryResult(Outcome.FAILED, attempts, httpStatus, error);
    }
}
