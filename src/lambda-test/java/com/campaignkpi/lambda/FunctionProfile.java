package com.campaignkpi.lambda;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs the Lambda build with one exported function, as a deployed Lambda function runs it, and with
 * {@link StoreCalls} on the DynamoDB client. Each subclass names one function.
 */
public abstract class FunctionProfile implements QuarkusTestProfile {

    abstract String export();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.funqy.export", export(),
                "quarkus.dynamodb.interceptors", StoreCalls.class.getName(),
                // A free port rather than the default 8081, which another build on the machine may hold.
                "quarkus.lambda.mock-event-server.test-port", "0");
    }

    public static class Ingest extends FunctionProfile {
        @Override
        String export() {
            return "ingest";
        }
    }

    public static class Webhook extends FunctionProfile {
        @Override
        String export() {
            return "webhook";
        }
    }

    public static class ScheduledSnapshot extends FunctionProfile {
        @Override
        String export() {
            return "scheduled-snapshot";
        }
    }

    public static class SnapshotApi extends FunctionProfile {
        @Override
        String export() {
            return "api-snapshot";
        }
    }
}
