package com.leadline.integrations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadline.inbox.OutboundText;
import com.leadline.inbox.TextRefusedException;
import com.leadline.testing.FakeSmsProvider;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The adapter's calls other than sending, and how it classes failures, against the stand-in provider. */
class TwilioTextChannelTests {

    private final FakeSmsProvider fake = FakeSmsProvider.get();

    @Test
    void aNumberIsHeldOnlyWhenTheProviderAccountListsIt() throws Exception {
        TwilioTextChannel channel = channel(URI.create(fake.baseUrl()), FakeSmsProvider.AUTH_TOKEN);
        fake.holdNumber("+14155550170");

        assertThat(channel.holdsNumber("+14155550170")).isTrue();
        assertThat(channel.holdsNumber("+14155550171")).isFalse();
    }

    @Test
    void wrongCredentialsAndAnUnreachableProviderAreRetriedNotRefused() throws Exception {
        OutboundText text = new OutboundText(1, UUID.randomUUID(), UUID.randomUUID(), "+14155550172", "+14155550173", "Hi");
        assertThatThrownBy(() -> channel(URI.create(fake.baseUrl()), "not-the-token").send(text))
                .isInstanceOf(IOException.class).isNotInstanceOf(TextRefusedException.class).hasMessageContaining("401");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> channel(URI.create("http://127.0.0.1:" + closedPort), FakeSmsProvider.AUTH_TOKEN).send(text))
                .isInstanceOf(org.springframework.web.client.ResourceAccessException.class);
        assertThat(fake.messagesTo("+14155550173")).isEmpty();
    }

    @Test
    void aProfileWithoutANumberIsNotSentFromAndStaysRetryable() {
        OutboundText text = new OutboundText(2, UUID.randomUUID(), UUID.randomUUID(), null, "+14155550174", "Hi");
        assertThatThrownBy(() -> channel(URI.create(fake.baseUrl()), FakeSmsProvider.AUTH_TOKEN).send(text))
                .isInstanceOf(com.leadline.inbox.NoSendingNumberException.class).hasMessageContaining("no texting number");
        assertThat(fake.createsTo("+14155550174")).isEmpty();
    }

    @Test
    void anAccountIdWithoutAnAuthTokenStopsTheStart() {
        assertThatThrownBy(() -> new TwilioConfiguration().twilioSettings(URI.create("https://api.twilio.com"), FakeSmsProvider.ACCOUNT_SID,
                " ", "https://leadline.example", Duration.ofSeconds(5), Duration.ofSeconds(15)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("auth-token");
    }

    private static TwilioTextChannel channel(URI api, String token) {
        return new TwilioTextChannel(new TwilioSettings(api, FakeSmsProvider.ACCOUNT_SID, token, "http://leadline.test",
                Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }
}
