package com.leadline.notifications.internal;

import java.util.Arrays;
import java.util.Optional;

/** What a person wants when a new lead arrives in one of their profiles. */
enum NewLeadChoice {
    EACH("each"), DIGEST("digest"), OFF("off");

    final String code;

    NewLeadChoice(String code) {
        this.code = code;
    }

    static Optional<NewLeadChoice> fromCode(String code) {
        return Arrays.stream(values()).filter(choice -> choice.code.equals(code)).findFirst();
    }

    public String code() {
        return code;
    }
}
