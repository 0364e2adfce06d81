package com.leadline.integrations.internal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadline.integrations.internal.webhooks.WebhookDestinations.RefusedDestinationException;
import com.leadline.platform.InvalidInputException;
import com.leadline.testing.TestHostResolver;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The outbound rule in production mode (allow-loopback false), with names resolved by the test resolver. */
class WebhookDestinationsTests {

    private final TestHostResolver resolver = new TestHostResolver();
    private final WebhookDestinations production = new WebhookDestinations(resolver, false);

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1/hooks",
            "https://127.0.0.1/hooks",
            "https://10.0.0.1/hooks",
            "https://169.254.169.254/latest/meta-data",
            "https://[::1]/",
            "https://[::ffff:10.0.0.1]/",
            "https://[::ffff:127.0.0.1]/",
            "https://192.168.1.10/",
            "https://172.16.5.4/",
            "https://100.64.0.1/",
            "https://0.0.0.0/",
            "https://[fd00::1]/",
            "https://[fe80::1]/",
            "https://[64:ff9b::a00:1]/",
            "http://93.184.216.34/hooks",
            "https://user:pass@93.184.216.34/hooks",
            "https://token@93.184.216.34/hooks",
            "ftp://93.184.216.34/hooks",
            "https:///nohost",
            "not a url",
            "",
    })
    void refusesLocalPrivateMetadataPlainHttpAndCredentials(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(RefusedDestinationException.class);
        assertThatThrownBy(() -> production.checkAtSave(url)).isInstanceOfSatisfying(InvalidInputException.class,
                refusal -> assertThat(refusal.fieldErrors()).containsOnlyKeys("url"));
    }

    @Test
    void aNameThatResolvesToAPrivateAddressIsRefusedAtSave() {
        resolver.map("intranet.example.test", "10.1.2.3");
        assertThatThrownBy(() -> production.checkAtSave("https://intranet.example.test/hooks"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refusal -> assertThat(refusal.fieldErrors().get("url")).contains("10.1.2.3"));
    }

    @Test
    void aNameWithOnePrivateAddressAmongPublicOnesIsRefused() {
        resolver.map("mixed.example.test", "93.184.216.34", "169.254.169.254");
        assertThatThrownBy(() -> production.check("https://mixed.example.test/hooks"))
                .isInstanceOf(RefusedDestinationException.class).hasMessageContaining("169.254.169.254");
    }

    @Test
    void httpsToAPublicAddressIsAcceptedWithTheAddressesChecked() throws Exception {
        resolver.map("hooks.example.test", "93.184.216.34");
        WebhookDestinations.Destination destination = production.check("https://hooks.example.test/in?x=1");
        assertThat(destination.host()).isEqualTo("hooks.example.test");
        assertThat(destination.addresses()).containsExactly(InetAddress.getByName("93.184.216.34"));
        assertThat(production.checkAtSave("https://hooks.example.test/in?x=1").toString()).isEqualTo("https://hooks.example.test/in?x=1");
    }

    @Test
    void aNameThatRebindsIsJudgedByTheAnswerOfEachCheck() throws Exception {
        resolver.mapThenRebind("rebind.example.test", 1, java.util.List.of("93.184.216.34"), java.util.List.of("10.0.0.1"));
        assertThat(production.checkAtSave("https://rebind.example.test/")).isNotNull();
        assertThatThrownBy(() -> production.check("https://rebind.example.test/"))
                .isInstanceOf(RefusedDestinationException.class).hasMessageContaining("10.0.0.1");
    }

    @Test
    void loopbackOverHttpOnlyWhenAllowed() throws Exception {
        WebhookDestinations local = new WebhookDestinations(resolver, true);
        assertThat(local.check("http://127.0.0.1:8099/hooks").addresses()).containsExactly(InetAddress.getByName("127.0.0.1"));
        assertThatThrownBy(() -> local.check("http://10.0.0.1/hooks")).isInstanceOf(RefusedDestinationException.class);
        assertThatThrownBy(() -> local.check("http://93.184.216.34/hooks")).isInstanceOf(RefusedDestinationException.class)
                .hasMessageContaining("https");
    }
}
