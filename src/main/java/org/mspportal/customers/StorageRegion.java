package org.mspportal.customers;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A place where a customer's backups are stored, named like the cloud regions it maps to
 * ({@code eu-central-1}, "Europe (Frankfurt)"). The deployment lists them in its configuration;
 * a malformed entry is a mistake in that file, found at start-up, hence IllegalArgumentException.
 */
public record StorageRegion(String id, String displayName) {

    /** Lower-case words joined by hyphens, ending in a number: us-east-1, us-gov-west-1, ap-southeast-2. */
    private static final Pattern CLOUD_STYLE_ID = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");

    public StorageRegion {
        Objects.requireNonNull(id, "id");
        if (!CLOUD_STYLE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A storage region id looks like eu-central-1, not '" + id + "'");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("Storage region " + id + " needs a display name");
        }
        displayName = displayName.strip();
    }
}
