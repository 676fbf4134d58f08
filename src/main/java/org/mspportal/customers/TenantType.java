package org.mspportal.customers;

/** What kind of tenant a customer is, which decides how long it may run and what it may become. */
public enum TenantType {
    /** A trial: 30 days, extendable once by 30. The default for a new customer. */
    EVALUATION("Evaluation"),
    /** A paying customer; never goes back to evaluation. */
    COMMERCIAL("Commercial"),
    /** The MSP's own test tenant: exactly one, created by the portal with the MSP. */
    SANDBOX("Sandbox");

    private final String label;

    TenantType(String label) {
        this.label = label;
    }

    /** "Evaluation", as pages name it. */
    public String label() {
        return label;
    }
}
