package com.campaignkpi.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GaNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Filter Menu: Open|filter_menu_open",
        "Signup via invitation|signup_via_invitation",
        "Signup|signup",
        "  --Outbound Link: Click--  |outbound_link_click",
        "404|event_404",
        "2FA enabled|event_2fa_enabled",
        "session_start|event_session_start",
        "Error|event_error",
        "ga_custom|event_ga_custom",
        "Ünïcode Näme|n_code_n_me",
        "!!!|unnamed",
        "a_very_long_goal_name_that_goes_past_forty_characters|a_very_long_goal_name_that_goes_past_for",
    })
    void eventNames(String raw, String expected) {
        assertEquals(expected, GaNames.eventName(raw));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "browser_language|browser_language",
        "Logged In|logged_in",
        "1st_visit|param_1st_visit",
        "google_thing|param_google_thing",
    })
    void paramNames(String raw, String expected) {
        assertEquals(expected, GaNames.paramName(raw));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "page_location|true",
        "ga_session_id|true",
        "ga_session_number|true",
        "ga_other|false",
        "firebase_screen|false",
        "gtm.start|false",
        "1abc|false",
        "abcdefghijabcdefghijabcdefghijabcdefghij|true",
        "abcdefghijabcdefghijabcdefghijabcdefghijk|false",
    })
    void validParamNames(String name, boolean expected) {
        assertEquals(expected, GaNames.isValidParamName(name));
    }
}
