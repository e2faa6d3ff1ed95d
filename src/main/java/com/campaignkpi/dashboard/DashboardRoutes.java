package com.campaignkpi.dashboard;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Sets {@code Cache-Control: no-cache} on the dashboard page's files. Their names carry no version, so the one-day
 * {@code immutable} caching Quarkus gives static files would keep an old page in browsers for a day after an
 * upgrade. With {@code no-cache} a browser revalidates each file with a conditional request, which returns 304
 * while the file is unchanged.
 */
@ApplicationScoped
public class DashboardRoutes {

    static final String PATH = "/dashboard/*";

    void install(@Observes Router router) {
        router.route(PATH).order(-300).handler(context -> {
            context.addHeadersEndHandler(ignored -> context.response().headers().set("Cache-Control", "no-cache"));
            context.next();
        });
    }
}
