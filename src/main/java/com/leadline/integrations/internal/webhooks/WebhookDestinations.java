package com.leadline.integrations.internal.webhooks;

import com.leadline.platform.InvalidInputException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where a webhook may be sent: the one rule for outbound safety (server-side request forgery), applied
 * when an endpoint is saved and again at every delivery. A URL must be https (http only to loopback,
 * and only where {@code allowLoopback} says so: local mode and the tests), without credentials, and its
 * host must resolve only to public addresses: never loopback, private, carrier-grade NAT, link-local
 * (which holds the cloud metadata service, 169.254.169.254), unique-local, multicast or reserved ones,
 * nor IPv6 forms that embed such an IPv4 address. A name with one bad address among good ones is refused
 * whole: a rebinding answer could pick either.
 */
public class WebhookDestinations {

    static final int MAX_URL_LENGTH = 2000;

    /** A URL that passed the check, with the addresses it was checked against: connect to these, not to a new lookup. */
    public record Destination(URI uri, String host, List<InetAddress> addresses) {
    }

    /** A destination Leadline will not send to, with the reason in words a person understands. */
    public static final class RefusedDestinationException extends Exception {

        public RefusedDestinationException(String reason) {
            super(reason);
        }
    }

    private final HostResolver resolver;
    private final boolean allowLoopback;

    public WebhookDestinations(HostResolver resolver, boolean allowLoopback) {
        this.resolver = resolver;
        this.allowLoopback = allowLoopback;
    }

    /** At save: the URL as it will be stored, or a refusal of the field {@code url} saying why. */
    public URI checkAtSave(String url) {
        try {
            return check(url).uri();
        } catch (RefusedDestinationException refused) {
            throw InvalidInputException.of("url", refused.getMessage());
        }
    }

    /** The URL's syntax, scheme and every address its host resolves to, now. */
    public Destination check(String url) throws RefusedDestinationException {
        URI uri = parse(url);
        String host = uri.getHost();
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new RefusedDestinationException("Leadline could not find the address of " + host + ".");
        }
        if (addresses.isEmpty()) {
            throw new RefusedDestinationException("Leadline could not find the address of " + host + ".");
        }
        boolean https = uri.getScheme().equals("https");
        for (InetAddress address : addresses) {
            boolean loopback = address.isLoopbackAddress() || isMappedLoopback(address);
            if (loopback && allowLoopback) {
                continue;
            }
            if (loopback || !isPublic(address)) {
                throw new RefusedDestinationException(host + " leads to a private or local address ("
                        + address.getHostAddress() + "); webhooks go only to public addresses.");
            }
            if (!https) {
                throw new RefusedDestinationException("Use an https:// address.");
            }
        }
        return new Destination(uri, bare, addresses);
    }

    private URI parse(String url) throws RefusedDestinationException {
        if (url == null || url.isBlank()) {
            throw new RefusedDestinationException("Give the address to send events to.");
        }
        String trimmed = url.strip();
        if (trimmed.length() > MAX_URL_LENGTH) {
            throw new RefusedDestinationException("Keep the address to " + MAX_URL_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new RefusedDestinationException("This is not a web address: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new RefusedDestinationException("Use an https:// address.");
        }
        if (scheme.equals("http") && !allowLoopback) {
            throw new RefusedDestinationException("Use an https:// address.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new RefusedDestinationException("The address needs a host name, as in https://example.com/hooks.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedDestinationException("Leave user names and passwords out of the address.");
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedDestinationException("Leave the #fragment out of the address.");
        }
        return uri;
    }

    private static boolean isMappedLoopback(InetAddress address) {
        InetAddress embedded = embeddedIpv4(address);
        return embedded != null && embedded.isLoopbackAddress();
    }

    /** Whether the address is a public unicast one (an IPv6 form embedding an IPv4 address is judged by that address). */
    static boolean isPublic(InetAddress address) {
        InetAddress embedded = embeddedIpv4(address);
        if (embedded != null) {
            return isPublic(embedded);
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (address instanceof Inet4Address) {
            return !(first == 0                                          // this network
                    || (first == 100 && (second & 0xc0) == 64)           // 100.64.0.0/10 carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0)  // 192.0.0.0/24 protocol assignments
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 2)  // 192.0.2.0/24 documentation
                    || (first == 198 && (second & 0xfe) == 18)           // 198.18.0.0/15 benchmarking
                    || (first == 198 && second == 51 && (b[2] & 0xff) == 100)  // documentation
                    || (first == 203 && second == 0 && (b[2] & 0xff) == 113)   // documentation
                    || first >= 240);                                    // reserved and broadcast
        }
        return !((first & 0xfe) == 0xfc                                  // fc00::/7 unique local
                || (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8)  // 2001:db8::/32 documentation
                || isAllZeroUpTo(b, 16));                                // ::
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) or NAT64 (64:ff9b::/96) IPv6 address. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] b = address.getAddress();
        boolean mapped = isAllZeroUpTo(b, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = isAllZeroUpTo(b, 12) && !isAllZeroUpTo(b, 16) && !(isAllZeroUpTo(b, 15) && b[15] == 1);
        boolean nat64 = (b[0] & 0xff) == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && isAllZeroFrom(b, 4, 12);
        if (!mapped && !compatible && !nat64) {
            return null;
        }
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean isAllZeroUpTo(byte[] bytes, int end) {
        return isAllZeroFrom(bytes, 0, end);
    }

    private static boolean isAllZeroFrom(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
