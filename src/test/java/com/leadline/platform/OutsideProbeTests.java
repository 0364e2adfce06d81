package com.leadline.platform;

import com.leadline.testing.IntegrationTest;

/**
 * The outside probe of issue 13, kept in the suite: what a scanner on the network sends (NUL bytes,
 * oversized bodies, forged forwarding headers, requests for the local-mode tools from another host)
 * and the answers Leadline must give. docs/security.md lists what was probed and with what result.
 */
class OutsideProbeTests extends IntegrationTest {

    // 1. Local-mode tools (/dev/**) answer loopback clients only.

    // 2. Forged X-Forwarded-For does not change the client address.

    // 3. NUL bytes and text PostgreSQL cannot hold.

    // 4. Oversized bodies and error formats.

}
