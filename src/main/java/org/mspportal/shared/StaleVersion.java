package org.mspportal.shared;

/**
 * A change based on an out-of-date copy: someone else changed the object since the caller read
 * it. Refused rather than silently overwriting their change; the API answers 409.
 */
public class StaleVersion extends RuntimeException {

    public StaleVersion(String kind) {
        super("This " + kind + " was changed by someone else since you opened it. Reload it and make your change again.");
    }
}
