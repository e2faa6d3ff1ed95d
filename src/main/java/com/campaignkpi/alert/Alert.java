package com.campaignkpi.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One alert raised for a property.
 *
 * @param property  the property id
 * @param rule      the rule that fired
 * @param scope     what the alert is about: {@code property}, {@code campaign:<name>} or {@code platform:<id>}
 * @param day       ISO date the evaluation covers, in the property's time zone
 * @param raisedAt  ISO-8601 instant the alert was raised
 * @param value     the measured value compared with the threshold, in the unit of {@code threshold}; null when
 *                  no single number applies
 * @param threshold the threshold the value crossed, as described at {@link AlertSettings#DEFAULT_THRESHOLDS}
 * @param message   one English sentence with the numbers
 * @param messageFa the same in Persian
 * @param details   the inputs behind the value, such as {@code current}, {@code previous} or {@code currency},
 *                  as decimal strings; null when there are none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Alert(String property, AlertRule rule, String scope, String day, String raisedAt, BigDecimal value,
        BigDecimal threshold, String message, String messageFa, Map<String, String> details) {

    /** Scope of an alert about the property as a whole. */
    public static final String PROPERTY_SCOPE = "property";

    public Alert {
        details = details == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** Returns the scope of an alert about one campaign. */
    public static String campaignScope(String campaign) {
        return "campaign:" + campaign;
    }

    /** Returns the scope of an alert about one ad platform, such as {@code platform:GOOGLE_ADS}. */
    public static String platformScope(String platform) {
        return "platform:" + platform;
    }
}
