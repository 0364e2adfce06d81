package com.leadline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Builds teams the way people do: sign-up for the owner, invitations through the API, acceptance
 * through the emailed link. Extra profiles and names are written directly, to set up fast what a test
 * is not about (the Profiles page and the pencil dialog have tests of their own).
 */
public final class TeamFixture {

    public record Account(UUID id, UUID firstProfileId, Member owner) {
    }

    public record Member(UUID id, String email, WebSession session) {
    }

    private final int port;
    private final JdbcClient owner;

    public TeamFixture(int port, JdbcClient databaseOwner) {
        this.port = port;
        this.owner = databaseOwner;
    }

    public Account openAccount(String business) {
        String email = unique("owner");
        WebSession session = new WebSession(port);
        session.signUp(business, "Olive Owner", email, IntegrationTest.PASSWORD);
        JsonNode me = WebSession.json(session.get("/api/v1/session"));
        UUID accountId = UUID.fromString(me.get("accountId").asString());
        UUID profileId = owner.sql("SELECT id FROM profiles WHERE account_id = :a").param("a", accountId)
                .query(UUID.class).single();
        return new Account(accountId, profileId, new Member(UUID.fromString(me.get("userId").asString()), email, session));
    }

    /** A user of a new partner agency (signed up as agencies do), granted this level on the client and working in it. */
    public WebSession partnerWorkingIn(UUID clientId, String level) {
        WebSession partner = new WebSession(port);
        partner.get("/partners/signup");
        partner.post("/partners/signup", java.util.Map.of("businessName", "Agency " + level, "yourName", "Pat Partner",
                "email", unique("partner"), "password", IntegrationTest.PASSWORD));
        UUID agencyId = UUID.fromString(WebSession.json(partner.api("GET", "/api/v1/session", null)).get("accountId").asString());
        owner.sql("""
                        INSERT INTO partner_grants (client_account_id, agency_account_id, level, granted_at)
                        VALUES (:client, :agency, :level, now())""")
                .param("client", clientId).param("agency", agencyId).param("level", level).update();
        partner.get("/partners");
        org.assertj.core.api.Assertions.assertThat(partner.post("/partners/act", java.util.Map.of("account", clientId.toString())).status())
                .isEqualTo(302);
        return partner;
    }

    /** The member renamed in the database, for tests that find people by the name they show. */
    public Member named(Member member, String name) {
        owner.sql("UPDATE users SET name = :n WHERE id = :u").param("n", name).param("u", member.id()).update();
        return member;
    }

    /** The member takes the conversation through the API, as the Inbox's Assign does. */
    public static UUID takenBy(Member member, UUID conversation) {
        assertThat(member.session().api("PUT", "/api/v1/conversations/" + conversation + "/assignee",
                Map.of("assigneeId", member.id().toString())).status()).isEqualTo(204);
        return conversation;
    }

    public UUID addProfile(Account account, String name) {
        UUID id = UUID.randomUUID();
        owner.sql("INSERT INTO profiles (id, account_id, name, timezone, created_at) VALUES (:id, :a, :n, 'UTC', :now)")
                .param("id", id).param("a", account.id()).param("n", name).param("now", Timestamp.from(Instant.now()))
                .update();
        return id;
    }

    /** Invited by {@code inviter} through the API; not yet accepted. */
    public UUID invite(Member inviter, String name, String email, String role, UUID profile) {
        WebSession.Page answer = inviter.session().api("POST", "/api/v1/team/members",
                Map.of("name", name, "email", email, "role", role, "profile", profile == null ? "all" : profile.toString()));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return UUID.fromString(WebSession.json(answer).get("id").asString());
    }

    /** Invited and accepted: a signed-in member. */
    public Member join(Member inviter, String role, UUID profile) {
        String email = unique(role);
        UUID id = invite(inviter, "Member " + email.substring(0, email.indexOf('@')), email, role, profile);
        WebSession session = new WebSession(port);
        acceptLatestInvitation(session, email);
        assertThat(session.isSignedIn()).isTrue();
        return new Member(id, email, session);
    }

    /**
     * A member written straight into the account (for tests that need many people fast) and signed in:
     * {@code passwordHash} is the hash of {@link IntegrationTest#PASSWORD}, computed once by the caller.
     */
    public Member signedInMember(UUID accountId, String role, java.util.Collection<UUID> memberOf, String passwordHash) {
        UUID id = UUID.randomUUID();
        String email = unique(role);
        Timestamp now = Timestamp.from(Instant.now());
        owner.sql("""
                        INSERT INTO users (id, account_id, email, name, password_hash, status, created_at, password_changed_at)
                        VALUES (:id, :a, :e, 'Random Person', :h, 'active', :now, :now)""")
                .param("id", id).param("a", accountId).param("e", email).param("h", passwordHash).param("now", now).update();
        owner.sql("INSERT INTO account_members (account_id, user_id, role, created_at) VALUES (:a, :u, :r, :now)")
                .param("a", accountId).param("u", id).param("r", role).param("now", now).update();
        for (UUID profile : memberOf) {
            owner.sql("INSERT INTO profile_memberships (account_id, profile_id, user_id, created_at) VALUES (:a, :p, :u, :now)")
                    .param("a", accountId).param("p", profile).param("u", id).param("now", now).update();
        }
        WebSession session = new WebSession(port);
        assertThat(session.signIn(email, IntegrationTest.PASSWORD).status()).isEqualTo(302);
        return new Member(id, email, session);
    }

    public WebSession.Page acceptLatestInvitation(WebSession session, String email) {
        String link = invitationLink(email);
        session.get(link);
        return session.post("/invitations/accept", Map.of("token", tokenOf(link), "name", "Joined Member",
                "password", IntegrationTest.PASSWORD));
    }

    public static String invitationLink(String email) {
        return link(email, 1);
    }

    /** The link in the {@code nth} invitation email to this address (waiting for it to arrive). */
    public static String link(String email, int nth) {
        var messages = Smtp.awaitMessages(email, nth);
        return Smtp.link(messages.get(nth - 1), "http://leadline.test/invitations/accept?token=");
    }

    public static String tokenOf(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    public static String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static final java.util.concurrent.atomic.AtomicLong PHONE_NUMBERS =
            new java.util.concurrent.atomic.AtomicLong(16_282_000_000L + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000));

    /**
     * A US number in E.164 form that no other test of the run gets: the registry of texting numbers is
     * global, and a contact's number is unique in its profile (random ones can repeat).
     */
    public static String uniquePhoneNumber() {
        return "+" + PHONE_NUMBERS.incrementAndGet();
    }
}
