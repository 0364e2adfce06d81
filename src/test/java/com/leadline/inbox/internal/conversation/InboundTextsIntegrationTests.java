package com.leadline.inbox.internal.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadline.inbox.InboundTexts;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.NotFoundException;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The one door every channel calls: what it refuses changes nothing, what it takes lands in one conversation. */
class InboundTextsIntegrationTests extends IntegrationTest {

    @Autowired
    InboundTexts inbound;

    @Test
    void aBadNumberOrAnotherAccountsProfileIsRefusedAndTheSameContactKeepsOneConversation() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account mine = fixture.openAccount("Door Decking");
        TeamFixture.Account theirs = fixture.openAccount("Other Ovens");

        for (String unreadable : List.of("555-0104", "+1 555 0104 050 99", "call me", "+999 123 4567", "+1 (555) 010-4050 ext. 12")) {
            assertThatThrownBy(() -> inbound.receiveInbound(mine.id(), mine.firstProfileId(), unreadable, "Hi"))
                    .as(unreadable)
                    .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.fieldErrors()).containsKey("phone"));
        }
        assertThatThrownBy(() -> inbound.receiveInbound(mine.id(), theirs.firstProfileId(), "+15550104050", "Hi"))
                .isInstanceOf(NotFoundException.class);
        assertThat(contactsOf(mine.id()) + contactsOf(theirs.id())).isZero();

        UUID first = inbound.receiveInbound(mine.id(), mine.firstProfileId(), "+15550104050", "Do you build decks?");
        UUID second = inbound.receiveInbound(mine.id(), mine.firstProfileId(), "(555) 010-4050", "Cedar, about 20 m2");
        UUID third = inbound.receiveInbound(mine.id(), mine.firstProfileId(), "+1 555.010.4050", "By June?");
        assertThat(second).as("written nationally in the profile's country (US), the same number").isEqualTo(first);
        assertThat(third).as("with dots and the country code").isEqualTo(first);
        assertThat(contactsOf(mine.id())).isEqualTo(1);
        assertThat(databaseOwner().sql("SELECT count(*) FROM messages WHERE conversation_id = :c AND kind = 'inbound'")
                .param("c", first).query(Integer.class).single()).isEqualTo(3);
    }

    private int contactsOf(UUID account) {
        return databaseOwner().sql("SELECT count(*) FROM contacts WHERE account_id = :a").param("a", account)
                .query(Integer.class).single();
    }
}
