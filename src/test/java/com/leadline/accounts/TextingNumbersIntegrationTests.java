package com.leadline.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadline.platform.Tenancy;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry of sending numbers (V42): one profile of all accounts texts from a number, and a
 * number an account has used stays that account's, so that no other account takes its leads.
 */
class TextingNumbersIntegrationTests extends IntegrationTest {

    @Autowired
    Profiles profiles;
    @Autowired
    NumberRoutes routes;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Tenancy tenancy;

    @Test
    void aNumberAnAccountUsedStaysItsOwnWhenItsProfileMovesToAnother() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account mine = fixture.openAccount("Number Nurseries");
        TeamFixture.Account theirs = fixture.openAccount("Snatch Signs");
        UUID myOtherProfile = fixture.addProfile(mine, "Second Site");
        String first = TeamFixture.uniquePhoneNumber();
        String second = TeamFixture.uniquePhoneNumber();

        assertThat(assign(mine.id(), mine.firstProfileId(), first)).isTrue();
        assertThat(routes.route(first)).contains(new NumberRoutes.Route(mine.id(), mine.firstProfileId()));
        assertThat(assign(theirs.id(), theirs.firstProfileId(), first)).as("in use by another account's profile").isFalse();
        assertThat(assign(mine.id(), myOtherProfile, first)).as("in use by another profile").isFalse();

        assertThat(assign(mine.id(), mine.firstProfileId(), second)).isTrue();
        assertThat(routes.route(first)).as("no longer texted from or routed").isEmpty();
        assertThat(assign(theirs.id(), theirs.firstProfileId(), first)).as("still the first account's").isFalse();
        assertThat(assign(mine.id(), myOtherProfile, first)).as("the account's own profiles may take it up again").isTrue();
        assertThat(routes.route(first)).contains(new NumberRoutes.Route(mine.id(), myOtherProfile));

        assertThat(assign(mine.id(), myOtherProfile, null)).as("a profile may give up its number").isTrue();
        assertThat(routes.route(first)).isEmpty();
        assertThat(assign(theirs.id(), theirs.firstProfileId(), first)).isFalse();
        assertThatThrownBy(() -> assign(theirs.id(), mine.firstProfileId(), TeamFixture.uniquePhoneNumber()))
                .as("a profile of another account").rootCause().hasMessageContaining("not one of the current account's");
    }

    private boolean assign(UUID account, UUID profile, String number) {
        return transactions.execute(status -> tenancy.inAccount(account, () -> profiles.assignNumber(profile, number, clock.instant())));
    }

}
