package org.mspportal.alerts;

/** What an alert is about. Quota kinds carry the percentage crossed; licence reminders the days ahead. */
public enum AlertKind {
    QUOTA_WARNING("Quota warning"),
    QUOTA_CRITICAL("Quota critical"),
    QUOTA_EXHAUSTED("Quota exhausted"),
    LICENCE_EXPIRY("Licence expiry");

    private final String label;

    AlertKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean aboutQuota() {
        return this != LICENCE_EXPIRY;
    }
}
