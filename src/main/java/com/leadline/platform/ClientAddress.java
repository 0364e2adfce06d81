package com.leadline.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address for throttling and audit. Behind a proxy, set
 * {@code server.forward-headers-strategy=native} so the container resolves it from trusted headers.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
