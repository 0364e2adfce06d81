package com.leadline.inbox.internal.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadline.inbox.InboundTexts;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.NotFoundException;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
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

        assertThatThrownBy(() -> inbound.receiveInbound(mine.id(), mine.firstProfileId(), "5550104050", "Hi"))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.fieldErrors()).containsKey("phone"));
        assertThatThrownBy(() -> inbound.receiveInbound(mine.id(), theirs.firstProfileId(), "+15550104050", "Hi"))
                .isInstanceOf(NotFoundException.class);
        assertThat(contactsOf(mine.id()) + contactsOf(theirs.id())).isZero();

        UUID first = inbound.receiveInbound(mine.id(), mine.firstProfileId(), "+15550104050", "Do you build decks?");
        UUID second = inbound.receiveInbound(mine.id(), mine.firstProfileId(), "+15550104050", "Cedar, about 20 m2");
        assertThat(second).isEqualTo(first);
        assertThat(contactsOf(mine.id())).isEqualTo(1);
        assertThat(databaseOwner().sql("SELECT count(*) FROM messages WHERE conversation_id = :c AND kind = 'inbound'")
                .param("c", first).query(Integer.class).single()).isEqualTo(2);
    }

    private int contactsOf(UUID account) {
        return databaseOwner().sql("SELECT count(*) FROM contacts WHERE account_id = :a").param("a", account)
                .query(Integer.class).single();
    }
}
