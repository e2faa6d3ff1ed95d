package com.campaignkpi.privacy;

import com.campaignkpi.property.Secrets;

/**
 * User-id pseudonyms of properties that store no user id as sent: SHA-256 of the property id and the user id, so
 * that the same user joins up across sessions and devices of one property but not across properties. A pseudonym
 * is not anonymous: anyone with the user id and the property id can compute it, which is how an erasure finds it.
 */
public final class Pseudonyms {

    static final String PREFIX = "h:";

    private Pseudonyms() {
    }

    /**
     * Returns whether {@code userId} is already a pseudonym, as a replayed rejected body carries it, so that it is not
     * hashed a second time.
     */
    public static boolean isPseudonym(String userId) {
        return userId != null && userId.length() == PREFIX.length() + 32 && userId.startsWith(PREFIX)
                && userId.substring(PREFIX.length()).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /** Returns the pseudonym: {@code h:} and 32 hex digits (128 bits) of the SHA-256. */
    public static String of(String property, String userId) {
        return PREFIX + Secrets.sha256Hex(property + "\u0000" + userId).substring(0, 32);
    }
}
