package com.campaignkpi.privacy;

import com.campaignkpi.api.RequestException;
import com.campaignkpi.api.Texts;
import com.campaignkpi.property.AdminAccess;
import com.campaignkpi.property.Property;
import com.campaignkpi.property.PropertyStore;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code erase} function: deletes a person's data on request (the right to erasure of GDPR Article 17), by the
 * client ids and user ids the site sent, or all data of a property when an agency's client leaves. It needs the
 * admin token. Raw events also expire by themselves after the retention the deployment sets.
 */
public class EraseFunction {

    /**
     * At most this many ids per request. A user id is also looked up as its pseudonym, and an id in a rejected body
     * also as a bare number, so 25 ids make up to 100 filter clauses. That stays within DynamoDB's 4 KB expression
     * limit and its 100 operands in an IN list.
     */
    static final int MAX_IDS = 25;
    static final int MAX_ID_LENGTH = 256;

    @Inject
    AdminAccess admin;

    @Inject
    PropertyStore properties;

    @Inject
    DataEraser eraser;

    @Funq("erase")
    public EraseResult erase(EraseRequest request) {
        if (request == null) {
            throw RequestException.invalid("$", "Request body is missing; send property, clientIds or userIds "
                    + "(or wholeProperty) and adminToken");
        }
        admin.authorize(request.adminToken(), "adminToken");
        Property property = properties.require("property", request.property());
        List<String> clientIds = ids("clientIds", request.clientIds());
        List<String> userIds = ids("userIds", request.userIds());

        if (Boolean.TRUE.equals(request.wholeProperty())) {
            if (!clientIds.isEmpty() || !userIds.isEmpty()) {
                throw RequestException.invalid("wholeProperty", "wholeProperty erases every visitor; send it "
                        + "without clientIds and userIds");
            }
            return eraser.eraseProperty(property);
        }
        if (clientIds.isEmpty() && userIds.isEmpty()) {
            throw RequestException.invalid("clientIds", "clientIds and userIds are both empty: name at least one "
                    + "visitor, or set wholeProperty to erase the property");
        }
        if (clientIds.size() + userIds.size() > MAX_IDS) {
            throw RequestException.invalid("clientIds", "the request names " + (clientIds.size() + userIds.size())
                    + " ids; the limit is " + MAX_IDS + " per request, so split it");
        }
        return eraser.eraseVisitors(property, clientIds, userIds);
    }

    private static List<String> ids(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String id = values.get(i);
            if (id == null || id.isBlank() || !Texts.isWellFormed(id) || Texts.length(id) > MAX_ID_LENGTH) {
                throw RequestException.invalid(field + "[" + i + "]", field + "[" + i + "] is invalid: give 1 to "
                        + MAX_ID_LENGTH + " characters, as the id was sent");
            }
            ids.add(id);
        }
        return ids.stream().distinct().toList();
    }
}
