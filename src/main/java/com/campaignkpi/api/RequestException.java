package com.campaignkpi.api;

/**
 * A request the caller must change before it can succeed: invalid input, a missing or wrong secret, an
 * oversized body. Never worth retrying as is, so queue consumers drop or park the message instead.
 *
 * <p>The HTTP layer responds with {@link #status()} and a JSON body naming {@link #field()}; nothing of this
 * kind becomes a 500.
 */
public class RequestException extends RuntimeException {

    private final int status;
    private final String field;

    public RequestException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static RequestException invalid(String field, String message) {
        return new RequestException(400, field, message);
    }

    public static RequestException unauthorized(String field, String message) {
        return new RequestException(401, field, message);
    }

    public static RequestException notFound(String field, String message) {
        return new RequestException(404, field, message);
    }

    public static RequestException tooLarge(String field, String message) {
        return new RequestException(413, field, message);
    }

    /** HTTP status code for the HTTP binding: 400, 401, 404 or 413. */
    public int status() {
        return status;
    }

    /** JSON path of the offending field, or null when the request as a whole is at fault. */
    public String field() {
        return field;
    }
}
