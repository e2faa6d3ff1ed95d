package com.campaignkpi.property;

import com.campaignkpi.api.RequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Finds a property by measurement id and checks the API secret a caller sent with it. */
@ApplicationScoped
public class PropertyAccess {

    @Inject
    PropertyStore properties;

    /**
     * Returns the property, or raises 400 for a malformed id, 404 for an unknown one and 401 for a missing or wrong
     * secret.
     */
    public Property authenticate(String measurementId, String apiSecret) {
        String id = PropertyIds.require("measurement_id", measurementId);
        Property property = properties.find(id).orElseThrow(() -> RequestException.notFound("measurement_id",
                "measurement_id '" + id + "' is not a registered property; create it with the property function"));
        if (apiSecret == null || apiSecret.isEmpty()) {
            throw RequestException.unauthorized("api_secret", "api_secret is missing: pass it as the api_secret "
                    + "query parameter or the X-Api-Secret header");
        }
        if (!Secrets.matches(apiSecret, property.secretHashes())) {
            throw RequestException.unauthorized("api_secret", "api_secret is wrong for measurement_id '" + id + "'");
        }
        return property;
    }
}
