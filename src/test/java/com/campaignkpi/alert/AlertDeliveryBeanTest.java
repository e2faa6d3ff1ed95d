package com.campaignkpi.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.campaignkpi.storage.DynaliteTestResource;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The injected bean, started by CDI, delivers to a receiver the test starts on 127.0.0.1. */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class AlertDeliveryBeanTest {

    @Inject
    AlertDelivery delivery;

    @Test
    void injectedBeanDelivers() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            Alert alert = new Alert("G-BEAN", AlertRule.TRACKING_GAP, "property", "2024-05-01",
                    "2024-05-01T06:00:00Z", new BigDecimal("6.00"), new BigDecimal("6"), "No event for 6 hours.",
                    "۶ ساعت است هیچ رویدادی نرسیده.", null);

            DeliveryResult result = delivery.deliver("http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
                    List.of(alert)).get(10, TimeUnit.SECONDS);

            assertEquals(new DeliveryResult(DeliveryResult.Outcome.DELIVERED, 1, 204, null), result);
        } finally {
            server.stop(0);
        }
    }
}
