package com.campaignkpi.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.campaignkpi.storage.DynaliteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The dashboard's files as the HTTP server serves them, without a browser. */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class DashboardFilesTest {

    @Test
    void pageIsServedAndRevalidated() {
        given().get("/dashboard/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", equalTo("no-cache"))
                .body(containsString("Content-Security-Policy"))
                .body(containsString("<script src=\"dashboard.js\" defer></script>"));
        given().get("/dashboard/dashboard.js").then().statusCode(200)
                .header("Cache-Control", equalTo("no-cache"))
                .body(containsString("Chart"));
        given().get("/dashboard/config.json").then().statusCode(200)
                .body("apiBaseUrl", equalTo(""));
    }

    @Test
    void pageLoadsNothingFromElsewhere() {
        given().get("/dashboard/").then().statusCode(200)
                .body(not(containsString("src=\"http")))
                .body(not(containsString("href=\"http")));
        given().get("/dashboard/styles.css").then().statusCode(200)
                .body(not(containsString("url(\"http")))
                .body(not(containsString("@import")));
    }
}
