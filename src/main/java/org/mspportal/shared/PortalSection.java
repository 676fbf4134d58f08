package org.mspportal.shared;

/** The portal's main sections, in navigation order, with the labels the product uses. */
public enum PortalSection {
    PROVIDERS("MSPs", "bi-building"),
    SERVICE_PLANS("Service Plans", "bi-layers"),
    CUSTOMERS("Customers", "bi-buildings"),
    REPORTS("Reports", "bi-bar-chart-line"),
    MIGRATIONS("Migrations", "bi-arrow-left-right"),
    ADMINISTRATORS("Administrators", "bi-people"),
    AUDIT("Audit", "bi-journal-check");

    private final String label;
    private final String icon;

    PortalSection(String label, String icon) {
        this.label = label;
        this.icon = icon;
    }

    public String label() {
        return label;
    }

    public String icon() {
        return icon;
    }
}
