package com.leadline.platform;

import jakarta.servlet.http.HttpServletRequest;

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
}
