package com.leadline.accounts.internal;

import com.leadline.accounts.BusinessSignUps;
import com.leadline.accounts.internal.SignUpService.Kind;
import com.leadline.accounts.internal.SignUpService.SignUpForm;
import com.leadline.platform.AuthenticatedUser;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link BusinessSignUps} by the sign-up use case itself. */
@Component
class BusinessSignUpsAdapter implements BusinessSignUps {

    private final SignUpService signUps;

    BusinessSignUpsAdapter(SignUpService signUps) {
        this.signUps = signUps;
    }

    @Override
    public Optional<AuthenticatedUser> signUp(String businessName, String ownerName, String email, String password,
                                              String timezone) {
        return signUps.signUp(Kind.BUSINESS, new SignUpForm(businessName, ownerName, email, password, timezone, null));
    }
}
