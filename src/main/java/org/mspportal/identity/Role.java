package org.mspportal.identity;

/** What an administrator may do. Operators are the platform vendor's staff, above every MSP. */
public enum Role {
    OPERATOR("Platform operator"),
    MSP_ADMINISTRATOR("MSP administrator"),
    /** Sees everything in the MSP, changes nothing. */
    READ_ONLY_ADMINISTRATOR("Read-only administrator"),
    /** Sees and manages only the customers assigned to them. */
    TENANT_ADMINISTRATOR("Tenant administrator");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Spring Security authority, as {@code hasRole('MSP_ADMINISTRATOR')} expects it. */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean administersAnMsp() {
        return this != OPERATOR;
    }
}
