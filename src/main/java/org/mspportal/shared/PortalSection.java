package org.mspportal.shared;

/** The portal's main sections, in navigation order, with the labels the product uses. */
public enum PortalSection {
    PROVIDERS("MSPs", "bi-building", "Onboard MSPs with their first administrators; suspend or reinstate them."),
    SERVICE_PLANS("Service Plans", "bi-layers", "The plans you sell: which services they include and their quotas."),
    CUSTOMERS("Customers", "bi-buildings", "Your customers' tenants, credit quotas and licence dates."),
    ALERTS("Alerts", "bi-bell", "Quota and licence expiry alerts for your customers, and their thresholds."),
    REPORTS("Reports", "bi-bar-chart-line", "Credit consumption per customer and plan, over time."),
    MIGRATIONS("Migrations", "bi-arrow-left-right", "Bring customers managed elsewhere into the portal."),
    ADMINISTRATORS("Administrators", "bi-people", "Who may sign in, with which role, and how."),
    API_KEYS("API keys", "bi-key", "Keys that let your own tools use the portal's API, each with its scopes."),
    WEBHOOKS("Webhooks", "bi-broadcast", "Signed HTTPS calls to your own systems when alerts are raised, customers change or migrations move."),
    AUDIT("Audit", "bi-journal-check", "Every administrative action: who, what, when and from where.");

    private final String label;
    private final String icon;
    private final String description;

    PortalSection(String label, String icon, String description) {
        this.label = label;
        this.icon = icon;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String icon() {
        return icon;
    }

    /** One line on what the section is for, as the overview page's cards show it. */
    public String description() {
        return description;
    }
}
