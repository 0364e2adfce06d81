package com.leadline.inbox;

/** Checks a profile's texting number against the provider account before it is saved. */
public interface SendingNumbers {

    enum Check {
        /** The provider account holds the number. */
        HELD,
        /** The provider account does not hold it: texts from it would be refused. */
        NOT_HELD,
        /** No provider is configured (local mode's dev channel, or production before set-up): nothing to check against. */
        NO_PROVIDER
    }

    /**
     * Asks the provider, outside any transaction.
     *
     * @param phoneNumber in E.164 form
     * @throws com.leadline.platform.ConflictException when the provider cannot be reached
     */
    Check check(String phoneNumber);
}
