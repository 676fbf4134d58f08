package org.mspportal.identity;

/**
 * A key just created, with its secret: the one and only time the secret is available. Nothing
 * stores it; the caller shows it to the person who asked for it, then forgets it.
 */
public record NewApiKey(ApiKey key, String secret) {

    /** Keeps the secret out of logs and error messages that print the record. */
    @Override
    public String toString() {
        return "NewApiKey[key=" + key + ", secret=" + key.prefix() + "…]";
    }
}
