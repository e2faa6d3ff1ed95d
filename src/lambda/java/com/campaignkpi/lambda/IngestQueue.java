package com.campaignkpi.lambda;

import com.campaignkpi.ingest.QueuedRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * Puts admitted webhook requests on the ingest queue, one message per request. The client is built on first use,
 * so functions that never send pay nothing for it at start-up. Region and credentials come from the Lambda
 * environment.
 */
@ApplicationScoped
public class IngestQueue {

    @Inject
    QueueConfig config;

    @Inject
    ObjectMapper mapper;

    private volatile SqsClient client;

    /** Sends the request and returns the queue's message id. */
    public String send(QueuedRequest request) {
        String queueUrl = config.url().orElseThrow(() -> new IllegalStateException(
                "campaignkpi.queue.url (CAMPAIGNKPI_QUEUE_URL) is not set, so webhook requests cannot be queued"));
        String body;
        try {
            body = mapper.writer(SqsCharacters.ESCAPES).writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise a queued request", e);
        }
        return client().sendMessage(message -> message.queueUrl(queueUrl).messageBody(body)).messageId();
    }

    private SqsClient client() {
        SqsClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    SqsClientBuilder builder = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
                    config.endpointOverride().ifPresent(builder::endpointOverride);
                    client = builder.build();
                }
                current = client;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
