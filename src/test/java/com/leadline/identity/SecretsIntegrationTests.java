package com.leadline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.Smtp;
import com.leadline.testing.WebSession;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class SecretsIntegrationTests extends IntegrationTest {


    @Test
    void theRawResetTokenIsStoredNowhereInTheDatabase() {
        String email = uniqueEmail("owner");
        visitor().signUp("Secret Keepers", "Sec Ret", email, PASSWORD);
        visitor().requestPasswordReset(email);
        String link = Smtp.link(Smtp.awaitMessages(email, 1).get(0), "http://leadline.test/password/reset?token=");
        String token = link.substring(link.indexOf("token=") + 6);
        byte[] tokenBytes = Base64.getUrlDecoder().decode(token);
        assertThat(tokenBytes).as("256 bits").hasSize(32);
        String tokenHex = HexFormat.of().formatHex(tokenBytes);

        JdbcClient admin = databaseOwner();
        List<String> tables = admin.sql("""
                        SELECT quote_ident(table_name) FROM information_schema.tables
                        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'""")
                .query(String.class).list();
        assertThat(tables).contains("password_reset_tokens", "mail_outbox", "audit_log", "spring_session_attributes");
        for (String table : tables) {
            // A row's text form includes bytea columns as hex, so both spellings of the token are searched.
            Long hits = admin.sql("SELECT count(*) FROM " + table + " t WHERE strpos(t::text, :token) > 0 OR strpos(t::text, :hex) > 0")
                    .param("token", token).param("hex", tokenHex).query(Long.class).single();
            assertThat(hits).as("rows of %s holding the raw token", table).isZero();
        }
        assertThat(visitor().get(link).status()).as("the link itself works").isEqualTo(200);
    }

    @Test
    void sessionIdsAreFreshRandom256BitValues() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            WebSession visitor = visitor();
            visitor.get("/signin");
            String id = visitor.sessionId().orElseThrow();
            assertThat(Base64.getUrlDecoder().decode(id)).hasSize(32);
            ids.add(id);
        }
        assertThat(ids).hasSize(50);
    }
}
