package com.leadline.accounts;

import java.util.List;
import java.util.UUID;

/** The profiles of the account the current transaction works for. */
public interface Profiles {

    record ProfileSummary(UUID id, String name) {
    }

    List<ProfileSummary> all();
}
