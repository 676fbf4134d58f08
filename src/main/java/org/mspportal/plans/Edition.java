package org.mspportal.plans;

/** The service edition a plan sells; usage is reported per edition. */
public enum Edition {
    BUSINESS("Business"),
    ENTERPRISE("Enterprise"),
    ELITE("Elite");

    private final String label;

    Edition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
