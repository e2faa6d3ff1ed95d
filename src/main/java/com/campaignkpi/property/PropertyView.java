package com.campaignkpi.property;

import java.util.List;

/** A property as the {@code property} function returns it: everything but the secret hashes. */
public record PropertyView(String property, String timeZone, List<String> keyEvents, long sessionTimeoutMinutes,
        int apiSecrets, List<String> brandTerms) {

    static PropertyView of(Property property) {
        return new PropertyView(property.id(), property.timeZone().getId(),
                property.keyEvents().stream().sorted().toList(), property.sessionTimeout().toMinutes(),
                property.secretHashes().size(), property.brandTerms());
    }
}
