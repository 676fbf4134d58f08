package org.mspportal.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.mspportal.shared.RejectedInput;

/**
 * Keeps webhooks off the portal's own machine and private networks: an MSP administrator types
 * the address, and without this check a POST could reach a database console, a cloud metadata
 * service (169.254.169.254) or anything else only the portal's network sees (server-side request
 * forgery). Loopback, private (RFC 1918, IPv6 unique local), link-local, carrier-grade NAT,
 * unspecified and multicast addresses are private here.
 *
 * <p>An address typed as an IP literal (or "localhost") is refused when the endpoint is saved; a
 * host name is resolved before each delivery and every address it resolves to must be public, so
 * a name that later points inside is caught at that delivery. The connection resolves the name
 * again, so a DNS server that answers differently within those milliseconds is not caught.
 * {@code portal.webhooks.allow-private-addresses} turns the check off (receivers on the same
 * machine in development and tests, or a portal inside a trusted network).
 */
final class PrivateAddresses {

    private PrivateAddresses() {
    }

    /** Refuses, as the {@code url} field, an address typed as a private IP literal or "localhost". */
    static void refuseTyped(String url) {
        String host = URI.create(url).getHost();
        if ("localhost".equalsIgnoreCase(host) || literal(host).filter(PrivateAddresses::isPrivate).isPresent()) {
            throw new RejectedInput("url", "Use a public address: webhooks are not sent to the portal's own "
                    + "machine or to private networks.");
        }
    }

    /**
     * The URL's host resolved, when every address it has is public.
     *
     * @throws PrivateAddressRefused when one of them is private
     * @throws UnknownHostException when the name does not resolve
     */
    static void requirePublic(String url) throws UnknownHostException {
        String host = URI.create(url).getHost();
        Optional<InetAddress> inside = Arrays.stream(InetAddress.getAllByName(unbracketed(host)))
                .filter(PrivateAddresses::isPrivate).findFirst();
        if (inside.isPresent()) {
            throw new PrivateAddressRefused(host, inside.get());
        }
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            return first == 0 || (first == 100 && (bytes[1] & 0xc0) == 64); // 0.0.0.0/8, 100.64.0.0/10
        }
        return (bytes[0] & 0xfe) == 0xfc; // fc00::/7, unique local
    }

    /** The host as an address when it is written as one; names are not looked up here. */
    private static Optional<InetAddress> literal(String host) {
        String bare = unbracketed(host).toLowerCase(Locale.ROOT);
        boolean written = bare.contains(":") || bare.matches("[0-9.]+");
        if (!written) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare)); // a literal: parsed, never resolved
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** A delivery not attempted: the receiver's name resolves to a private address. */
    static final class PrivateAddressRefused extends RuntimeException {

        PrivateAddressRefused(String host, InetAddress address) {
            super(host + " resolves to " + address.getHostAddress()
                    + ", a private address; webhooks are only sent to public addresses");
        }
    }
}
