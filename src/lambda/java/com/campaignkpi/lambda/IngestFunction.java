package com.campaignkpi.lambda;

import com.campaignkpi.api.Failures;
import com.campaignkpi.api.RequestException;
import com.campaignkpi.ingest.CollectResult;
import com.campaignkpi.ingest.CollectService;
import com.campaignkpi.ingest.QueuedRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The {@code ingest} function: stores the webhook requests of one SQS batch. Storing is idempotent, so a message
 * delivered twice counts once.
 *
 * <ul>
 *   <li>A message whose events are invalid is done: the rejections are stored with their reasons, as the HTTP
 *       server stores them, and the message is not delivered again, since it would fail the same way.</li>
 *   <li>A message that is not a queued request at all is logged and dropped for the same reason. Only the webhook
 *       function writes to the queue, so this means a foreign sender or a broken deploy.</li>
 *   <li>A message that failed for any other reason, a throttled or unreachable table first of all, is named in
 *       the batch item failures. SQS delivers it again, and after the queue's receive limit it moves to the
 *       dead-letter queue, whose alarm notifies an operator.</li>
 * </ul>
 */
public class IngestFunction {

    private static final Logger LOG = Logger.getLogger(IngestFunction.class);

    /** Characters of an unreadable message kept in the log, enough to recognise its sender. */
    private static final int LOGGED_BODY_CHARS = 300;

    @Inject
    CollectService collector;

    @Inject
    ObjectMapper mapper;

    @Funq("ingest")
    public SqsBatchResponse ingest(SqsEvent event) {
        List<SqsBatchResponse.ItemFailure> failures = new ArrayList<>();
        if (event == null || event.records() == null) {
            return new SqsBatchResponse(failures);
        }
        for (SqsEvent.Message message : event.records()) {
            if (message == null) {
                LOG.error("Skipped a null record in an SQS batch");
                continue;
            }
            if (!store(message)) {
                failures.add(new SqsBatchResponse.ItemFailure(message.messageId()));
            }
        }
        return new SqsBatchResponse(failures);
    }

    /** Returns false when the message should be delivered again. */
    private boolean store(SqsEvent.Message message) {
        QueuedRequest request = read(message);
        if (request == null) {
            return true;
        }
        try {
            CollectResult result = collector.storeQueued(request);
            LOG.debugf("Stored message %s: %d accepted, %d duplicates, %d rejected", message.messageId(),
                    result.accepted(), result.duplicates(), result.rejected());
            return true;
        } catch (RequestException e) {
            LOG.errorf("Dropped message %s because its body is not a request the webhook admits: %s (field %s)",
                    message.messageId(), e.getMessage(), e.field());
            return true;
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                LOG.warnf("Message %s (delivery %d) failed for a transient reason and goes back to the queue: %s",
                        message.messageId(), message.receiveCount(), e.toString());
            } else {
                LOG.errorf(e, "Message %s (delivery %d) failed unexpectedly; it goes back to the queue and, past the "
                        + "receive limit, to the dead-letter queue", message.messageId(), message.receiveCount());
            }
            return false;
        }
    }

    /** Reads the queued request in the message, or logs why there is none and returns null. */
    private QueuedRequest read(SqsEvent.Message message) {
        String body = message.body();
        String problem;
        QueuedRequest request = null;
        if (body == null || body.isEmpty()) {
            problem = "the body is empty";
        } else {
            try {
                request = mapper.readValue(body, QueuedRequest.class);
                problem = request == null ? "the body is JSON null" : request.problem();
            } catch (JsonProcessingException e) {
                problem = "the body is not a queued request: " + e.getOriginalMessage();
            }
        }
        if (problem == null) {
            return request;
        }
        LOG.errorf("Dropped message %s because %s; it starts: %s", message.messageId(), problem,
                body == null ? "" : body.substring(0, Math.min(body.length(), LOGGED_BODY_CHARS)));
        return null;
    }
}
