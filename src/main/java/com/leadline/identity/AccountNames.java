package com.leadline.identity;

import java.util.UUID;

/**
 * Implemented by the accounts module: the business name of an account, which a password may not
 * contain. Called inside a transaction already working for that account.
 */
public interface AccountNames {

    String nameOf(UUID accountId);
}
