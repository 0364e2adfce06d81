package com.leadline.platform;

/**
 * Asked on every request of a signed-in user, inside that user's account: may this session go on?
 * A session whose user was deactivated (or changed in a way that ends sessions) is ended at once,
 * whichever server node it reaches, instead of living until it expires.
 */
public interface SignedInUserCheck {

    boolean mayContinue(AuthenticatedUser user);
}
