package com.campaignkpi.rollup;

import com.campaignkpi.property.Property;
import java.util.TreeSet;

/** The property settings that change how events become sessions; a rollup built with others is recomputed. */
public final class RollupSettings {

    private RollupSettings() {
    }

    /** For example {@code timeout=30m;keyEvents=generate_lead,purchase,sign_up}. */
    public static String of(Property property) {
        return "timeout=" + property.sessionTimeout().toMinutes() + "m;keyEvents="
                + String.join(",", new TreeSet<>(property.keyEvents()));
    }
}
