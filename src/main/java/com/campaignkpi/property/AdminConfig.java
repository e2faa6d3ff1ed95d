package com.campaignkpi.property;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Settings of the administrative functions. */
@ConfigMapping(prefix = "campaignkpi.admin")
public interface AdminConfig {

    /**
     * Token that the {@code property} function requires. When neither this nor {@link #tokenSha256()} is set,
     * properties cannot be changed over the API, which is the safe default for a deployment not configured yet.
     */
    Optional<String> token();

    /**
     * SHA-256 of the admin token as 64 lowercase hex digits, instead of the token itself. A deployment sets this,
     * so the token appears neither in its template nor in its function settings.
     */
    Optional<String> tokenSha256();
}
