package com.leadline.accounts;

import com.leadline.platform.AuthenticatedUser;
import java.util.Optional;

/** Opening a business account as its sign-up page does, for work no person started (the demo seeder). */
public interface BusinessSignUps {

    /**
     * The account, its owner and its first profile (named after the business, in {@code timezone}).
     *
     * @return the owner, or empty when the address is already in use (whoever holds it is told by email)
     * @throws com.leadline.platform.InvalidInputException when a field is missing or malformed
     */
    Optional<AuthenticatedUser> signUp(String businessName, String ownerName, String email, String password, String timezone);
}
