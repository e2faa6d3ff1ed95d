package com.campaignkpi.storage;

/**
 * {@code template.yaml} cannot be read, or a table in it cannot be turned into a table definition. Retrying does
 * not help: the message names the resource and property to fix.
 */
public class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
