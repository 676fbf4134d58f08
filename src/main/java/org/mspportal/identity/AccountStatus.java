package org.mspportal.identity;

public enum AccountStatus {
    /** Created, activation link sent, no password yet. */
    INVITED,
    ACTIVE,
    /** Cannot sign in; a colleague can reactivate it. */
    DEACTIVATED
}
