package com.leadline.integrations.internal.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * How Leadline finds the addresses of a webhook's host. Its own interface, not the JDK's resolver (which
 * Java 17 does not let a program replace), so that tests can make a name resolve to a private address,
 * and so that the address that is checked is the very one that is connected to.
 */
public interface HostResolver {

    /** Every address of {@code host} (a name, or an IP literal without brackets); never empty. */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The system's resolver (DNS, /etc/hosts). */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
