package com.campaignkpi.alert;

import com.campaignkpi.api.Days;
import com.campaignkpi.api.RequestException;
import com.campaignkpi.property.AdminAccess;
import com.campaignkpi.property.PropertyStore;
import com.campaignkpi.property.ReadAccess;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code alerts} function: a property's stored alerts, newest day first. It needs the admin token or, as the
 * dashboard sends, one of the property's read keys. A property without read keys is open on the self-hosted server,
 * as its snapshots are.
 */
public class AlertsFunction {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    @Inject
    AdminAccess admin;

    @Inject
    ReadAccess reads;

    @Inject
    PropertyStore properties;

    @Inject
    AlertStore store;

    @Funq("alerts")
    public List<Alert> alerts(AlertsRequest request) {
        if (request == null) {
            throw RequestException.invalid("$", "Request body is missing; send property and readKey or adminToken");
        }
        if (request.adminToken() != null) {
            admin.authorize(request.adminToken(), "adminToken");
        } else {
            reads.authorize(request.property(), request.readKey(), "readKey");
        }
        String property = properties.require("property", request.property()).id();
        LocalDate from = request.from() == null ? null : Days.require("from", request.from());
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw RequestException.invalid("limit", "limit " + limit + " is invalid: give a whole number from 1 to "
                    + MAX_LIMIT);
        }
        return store.list(property, from, limit);
    }
}
