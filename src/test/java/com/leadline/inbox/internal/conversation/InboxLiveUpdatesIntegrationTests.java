package com.leadline.inbox.internal.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.inbox.InboundTexts;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.TwoNodeTest;
import com.leadline.testing.WebSession;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Open inboxes hear about changes made on another server node, filtered by the one visibility rule:
 * a new lead and a reply reach the member who sees them, a conversation given away reaches them once
 * more (it disappears), and changes to conversations they never see don't reach them at all.
 */
class InboxLiveUpdatesIntegrationTests extends TwoNodeTest {

    @Autowired
    private InboundTexts inbox;

    @Test
    void changesOnOneNodeReachTheOpenInboxesThatMaySeeThemOnTheOther() throws Exception {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Live Lettings");
        TeamFixture.Member member = fixture.join(account.owner(), "member", null);
        TeamFixture.Member colleague = fixture.join(account.owner(), "member", null);
        BlockingQueue<String> heard = member.session().listen("/inbox/events", "inbox");

        UUID lead = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550303030", "Is the flat still free?");
        assertThat(heard.poll(10, TimeUnit.SECONDS)).as("a new lead in Unassigned").isEqualTo(lead.toString());

        WebSession ownerOnSecond = account.owner().session().onPort(secondPort);
        assertThat(ownerOnSecond.api("POST", "/api/v1/conversations/" + lead + "/replies", Map.of("body", "Yes it is!")).status())
                .isEqualTo(204);
        assertThat(heard.poll(10, TimeUnit.SECONDS)).as("a reply sent through the other node").isEqualTo(lead.toString());

        assertThat(ownerOnSecond.api("PUT", "/api/v1/conversations/" + lead + "/assignee",
                Map.of("assigneeId", colleague.id().toString())).status()).isEqualTo(204);
        assertThat(heard.poll(10, TimeUnit.SECONDS)).as("given to a colleague: it leaves this inbox").isEqualTo(lead.toString());

        WebSession colleagueOnSecond = colleague.session().onPort(secondPort);
        assertThat(colleagueOnSecond.api("POST", "/api/v1/conversations/" + lead + "/notes", Map.of("body", "Viewing at 5")).status())
                .isEqualTo(204);
        assertThat(heard.poll(2, TimeUnit.SECONDS)).as("no longer theirs to hear about").isNull();

        UUID another = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550404040", "And the house?");
        assertThat(heard.poll(10, TimeUnit.SECONDS)).as("the stream still works").isEqualTo(another.toString());
    }
}
