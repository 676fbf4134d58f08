package org.mspportal.providers;

public enum ProviderStatus {
    ACTIVE,
    /** Its administrators cannot sign in and their sessions are ended. */
    SUSPENDED
}
