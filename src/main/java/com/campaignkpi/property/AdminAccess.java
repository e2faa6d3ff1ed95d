package com.campaignkpi.property;

import com.campaignkpi.api.RequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks the admin token that administrative calls carry, in constant time, against its configured hash. */
@ApplicationScoped
public class AdminAccess {

    @Inject
    AdminConfig config;

    /**
     * Raises 401 naming {@code field} when the token is missing or wrong, or when no admin token is configured,
     * which disables administrative calls altogether.
     */
    public void authorize(String token, String field) {
        List<String> hashes = hashes();
        if (hashes.isEmpty()) {
            throw RequestException.unauthorized(field, "Administrative calls are disabled: set "
                    + "campaignkpi.admin.token-sha256 (CAMPAIGNKPI_ADMIN_TOKEN_SHA256) or campaignkpi.admin.token "
                    + "(CAMPAIGNKPI_ADMIN_TOKEN) on the server");
        }
        if (token == null || !Secrets.matches(token, hashes)) {
            throw RequestException.unauthorized(field, field + " is missing or wrong");
        }
    }

    /** Returns whether {@code token} is the admin token; false when none is configured. */
    public boolean matches(String token) {
        return token != null && Secrets.matches(token, hashes());
    }

    private List<String> hashes() {
        List<String> hashes = new ArrayList<>();
        config.token().filter(value -> !value.isEmpty()).ifPresent(value -> hashes.add(Secrets.sha256Hex(value)));
        config.tokenSha256().filter(value -> !value.isEmpty())
                .ifPresent(value -> hashes.add(value.trim().toLowerCase(Locale.ROOT)));
        return hashes;
    }
}
