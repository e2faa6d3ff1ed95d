package com.campaignkpi.spend;

/** Ad platform that served the ads a spend row reports on. */
public enum AdPlatform {
    GOOGLE_ADS,
    META_ADS,
    /** A platform the file does not name, or one this library has no dedicated reader for. */
    OTHER
}
