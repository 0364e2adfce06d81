package com.leadline.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The client's address for throttling and audit: the socket's address, or, when the connection comes
 * from a proxy named in {@code server.tomcat.remoteip.internal-proxies}, the address that proxy put in
 * X-Forwarded-For (Tomcat's RemoteIpValve resolves it before any of our code runs). No proxy is named
 * by default, so a client cannot choose its own address with a forged header.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    /**
     * The network one client controls, for per-client limits: an IPv4 address, or an IPv6 address's /64,
     * since one customer's connection usually gets a whole /64 and could otherwise take a fresh address,
     * and a fresh bucket, for every request.
     */
    static String network(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            // A literal with a colon is parsed, never looked up.
            InetAddress parsed = InetAddress.getByName(address);
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress();
            }
            byte[] network = Arrays.copyOf(parsed.getAddress(), 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }
}
