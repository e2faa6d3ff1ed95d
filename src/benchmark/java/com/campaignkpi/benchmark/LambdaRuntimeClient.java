package com.campaignkpi.benchmark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A minimal Lambda runtime client for the JVM build, in place of the AWS Runtime Interface Client that Lambda's
 * {@code java21} runtime runs, which is not among this project's dependencies. It loads the stream handler named by its
 * argument, then loops: {@code GET next} from {@code AWS_LAMBDA_RUNTIME_API}, {@code handleRequest}, and
 * {@code POST} the output to {@code response}, or the exception to {@code error}. A failure to load the handler is
 * posted to {@code init/error}.
 *
 * <p>It uses only the JDK and reflection, so its class file runs beside the Lambda build without this project's
 * benchmark dependencies. The {@code Context} it passes returns the request id, the function ARN, the remaining time,
 * {@code AWS_LAMBDA_FUNCTION_NAME} and 512 MB (the template's default memory). Its other methods return null, so
 * there is no logger, identity or client context.
 */
public final class LambdaRuntimeClient {

    private static final String CONTEXT_INTERFACE = "com.amazonaws.services.lambda.runtime.Context";

    private LambdaRuntimeClient() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("Usage: LambdaRuntimeClient HANDLER_CLASS");
        }
        String api = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime";

        Object handler;
        Method handleRequest;
        Class<?> contextType;
        try {
            ClassLoader loader = LambdaRuntimeClient.class.getClassLoader();
            contextType = Class.forName(CONTEXT_INTERFACE, false, loader);
            handler = Class.forName(args[0], true, loader).getConstructor().newInstance();
            handleRequest = handler.getClass().getMethod("handleRequest", InputStream.class, OutputStream.class,
                    contextType);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            post(api + "/init/error", errorJson(e), "Runtime.HandlerInitError");
            throw e;
        }

        while (true) {
            HttpURLConnection next = (HttpURLConnection) URI.create(api + "/invocation/next").toURL().openConnection();
            next.setReadTimeout(0);
            byte[] event;
            try (InputStream in = next.getInputStream()) {
                event = in.readAllBytes();
            }
            String requestId = next.getHeaderField("Lambda-Runtime-Aws-Request-Id");
            String functionArn = next.getHeaderField("Lambda-Runtime-Invoked-Function-Arn");
            long deadlineMillis = Long.parseLong(next.getHeaderField("Lambda-Runtime-Deadline-Ms"));
            Object context = context(contextType, requestId, functionArn, deadlineMillis);

            ByteArrayOutputStream output = new ByteArrayOutputStream();
            try {
                handleRequest.invoke(handler, new ByteArrayInputStream(event), output, context);
            } catch (ReflectiveOperationException | RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                post(api + "/invocation/" + requestId + "/error", errorJson(cause), "Runtime.UnhandledError");
                continue;
            }
            post(api + "/invocation/" + requestId + "/response", output.toByteArray(), null);
        }
    }

    /** Builds a {@code Context} proxy with the invocation's request id, function ARN and deadline. */
    private static Object context(Class<?> contextType, String requestId, String functionArn, long deadlineMillis) {
        return Proxy.newProxyInstance(contextType.getClassLoader(), new Class<?>[] {contextType},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getAwsRequestId" -> requestId;
                    case "getInvokedFunctionArn" -> functionArn;
                    case "getRemainingTimeInMillis" -> (int) Math.max(0,
                            deadlineMillis - System.currentTimeMillis());
                    case "getFunctionName" -> System.getenv("AWS_LAMBDA_FUNCTION_NAME");
                    case "getMemoryLimitInMB" -> 512;
                    case "toString" -> "Context[" + requestId + "]";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    default -> null;
                });
    }

    private static byte[] errorJson(Throwable error) {
        String message = String.valueOf(error.getMessage()).replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("\n", "\\n");
        return ("{\"errorMessage\":\"" + message + "\",\"errorType\":\"" + error.getClass().getName() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void post(String url, byte[] body, String errorType) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        if (errorType != null) {
            connection.setRequestProperty("Lambda-Runtime-Function-Error-Type", errorType);
        }
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        if (status != 202) {
            throw new IOException("POST " + url + " returned HTTP " + status + " instead of 202");
        }
    }
}
