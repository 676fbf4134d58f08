package org.mspportal.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.mspportal.shared.RejectedInput;

/**
 * The rules for an endpoint's address: absolute {@code https://} with a host, no user name or
 * password in it, no fragment. Plain {@code http://} only to a loopback address, and only when
 * {@code portal.webhooks.allow-plain-http-to-loopback} is on (a receiver on the same machine in
 * development or tests): anything else would send signed customer data unencrypted.
 */
final class EndpointUrl {

    static final int MAX_LENGTH = 2000;
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private EndpointUrl() {
    }

    /** The URL as it will be called, trimmed; refused as the {@code url} field otherwise. */
    static String checked(String typed, boolean allowPlainHttpToLoopback) {
        String url = typed == null ? "" : typed.strip();
        if (url.isEmpty()) {
            throw refused("Enter the HTTPS address that should receive the events.");
        }
        if (url.length() > MAX_LENGTH) {
            throw refused("Use at most " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException notAUrl) {
            throw refused("This is not a valid address. Enter it like https://example.com/webhooks.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw refused("Enter a full address starting with https://, like https://example.com/webhooks.");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused("Leave the user name and password out of the address; check signatures instead.");
        }
        if (uri.getRawFragment() != null) {
            throw refused("Leave out the part after #: it is never sent to the receiver.");
        }
        if (scheme.equals("http") && !(allowPlainHttpToLoopback && loopback(uri.getHost()))) {
            throw refused("Use an https:// address: events carry your customers' data and must be encrypted in transit.");
        }
        return url;
    }

    private static boolean loopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.equals("[::1]") || IPV4_LOOPBACK.matcher(name).matches();
    }

    private static RejectedInput refused(String message) {
        return new RejectedInput("url", message);
    }
}
