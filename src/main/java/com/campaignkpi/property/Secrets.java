package com.campaignkpi.property;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Hashing and constant-time checking of API secrets, so a leaked table does not leak the secrets. */
public final class Secrets {

    private Secrets() {
    }

    public static String sha256Hex(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Tells whether {@code secret} hashes to one of {@code hashes}, comparing in constant time per hash. */
    public static boolean matches(String secret, List<String> hashes) {
        if (secret == null || secret.isEmpty()) {
            return false;
        }
        byte[] candidate = sha256Hex(secret).getBytes(StandardCharsets.US_ASCII);
        boolean found = false;
        for (String hash : hashes) {
            found |= MessageDigest.isEqual(candidate, hash.getBytes(StandardCharsets.US_ASCII));
        }
        return found;
    }
}
