package org.mspportal.plans;

/** How often the usage report of a plan's customers is produced and mailed. */
public enum UsageReportFrequency {
    MONTHLY("Monthly"),
    QUARTERLY("Quarterly"),
    HALF_YEARLY("Half Yearly"),
    YEARLY("Yearly");

    private final String label;

    UsageReportFrequency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
