package com.campaignkpi.property;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Settings of the administrative functions. */
@ConfigMapping(prefix = "campaignkpi.admin")
public interface AdminConfig {

    /**
     * Token that the {@code property} function requires. When unset, properties cannot be changed over the API,
     * which is the safe default for a deployment not configured yet.
     */
    Optional<String> token();
}
