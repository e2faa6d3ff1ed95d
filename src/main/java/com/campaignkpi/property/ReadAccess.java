package com.campaignkpi.property;

import com.campaignkpi.api.RequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks the key a dashboard or BI tool reads a property's KPIs with. A property with read keys accepts one of them
 * or the admin token. A property without any keeps its reads open on the self-hosted server, as before read keys
 * existed.
 */
@ApplicationScoped
public class ReadAccess {

    @Inject
    PropertyStore properties;

    @Inject
    AdminAccess admin;

    /** Raises 401 naming {@code field} unless {@code key} may read the property {@code propertyId}. */
    public void authorize(String propertyId, String key, String field) {
        authorize(propertyId, key, field, true);
    }

    /**
     * Raises 401 naming {@code field} unless {@code key} may read the property.
     *
     * @param openWithoutKeys whether a property without read keys is open to anyone (the self-hosted server) or
     *                        only to the admin token (a deployment on the internet)
     */
    public void authorize(String propertyId, String key, String field, boolean openWithoutKeys) {
        if (admin.matches(key)) {
            return;
        }
        if (propertyId == null || !PropertyIds.isValid(propertyId)) {
            if (openWithoutKeys) {
                return; // the function itself rejects the id, with its own message
            }
            throw RequestException.unauthorized(field, field + " is missing or wrong");
        }
        Property property = properties.find(propertyId).orElse(null);
        if (property == null || property.readKeyHashes().isEmpty()) {
            if (openWithoutKeys) {
                return;
            }
            throw RequestException.unauthorized(field, "property '" + propertyId + "' has no read keys, so only "
                    + "the admin token reads it; add readKeys with the property function");
        }
        if (key == null || key.isEmpty()) {
            throw RequestException.unauthorized(field, "property '" + propertyId + "' needs a read key: send it as "
                    + "Authorization: Bearer KEY, or as the key query parameter where a tool cannot send headers");
        }
        if (!Secrets.matches(key, property.readKeyHashes()) && !admin.matches(key)) {
            throw RequestException.unauthorized(field, "the read key is wrong for property '" + propertyId + "'");
        }
    }
}
