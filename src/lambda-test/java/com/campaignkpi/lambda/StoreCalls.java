package com.campaignkpi.lambda;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * An SDK interceptor on the test's DynamoDB client. It records every call as {@code Operation table}, so a test can
 * hold a function's calls against the IAM policy the template gives it, and it throttles any BatchWriteItem that
 * carries {@link #THROTTLED_MARKER}, as DynamoDB does when a partition is over its limit.
 */
public class StoreCalls implements ExecutionInterceptor {

    /** A client id that makes the write of its events fail with a throttling error while {@link #throttle} is on. */
    public static final String THROTTLED_MARKER = "throttled-client";

    private static final Set<String> CALLS = new ConcurrentSkipListSet<>();

    private static volatile boolean throttle;

    public static void throttle(boolean on) {
        throttle = on;
    }

    public static void clear() {
        CALLS.clear();
    }

    /** Calls recorded since {@link #clear()}, each as {@code Operation table-name}, sorted. */
    public static Set<String> recorded() {
        return new TreeSet<>(CALLS);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        SdkRequest request = context.request();
        for (String table : tables(request)) {
            CALLS.add(operation + " " + table);
        }
        if (throttle && request instanceof BatchWriteItemRequest && request.toString().contains(THROTTLED_MARKER)) {
            throw ProvisionedThroughputExceededException.builder()
                    .statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("ProvisionedThroughputExceededException")
                            .errorMessage("The level of configured provisioned throughput for the table was "
                                    + "exceeded (injected by the test)")
                            .build())
                    .build();
        }
    }

    private static Collection<String> tables(SdkRequest request) {
        if (request instanceof BatchWriteItemRequest batch) {
            return batch.requestItems().keySet();
        }
        if (request instanceof BatchGetItemRequest batch) {
            return batch.requestItems().keySet();
        }
        return request.getValueForField("TableName", String.class).map(Set::of).orElse(Set.of());
    }
}
