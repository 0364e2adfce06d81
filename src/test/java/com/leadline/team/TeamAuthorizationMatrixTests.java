package com.leadline.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.BearerClient;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every team, invitation, profile, partner and support route, as every kind of actor (partner users
 * at Admin and Read-only level, and of another agency, included), against PERMISSIONS.md rows 2-12,
 * 13-32 and 34, and the API's description (OpenAPI and Swagger UI): 404 for what the actor may not know
 * exists, 403 for what they see but may not do.
 * Routes are read from the handler mapping; one this table does not list fails the test.
 */
class TeamAuthorizationMatrixTests extends IntegrationTest {

    private static final List<String> PREFIXES = List.of("/signup", "/team", "/api/v1/team", "/api/v1/session", "/support", "/invitations",
            "/profiles", "/api/v1/profiles", "/partners", "/api/v1/partners", "/settings", "/api/v1/conversations", "/inbox", "/dev/channel",
            "/shortcuts", "/api/v1/shortcuts", "/api/v1/contacts", "/contacts", "/leadbox", "/api/v1/leadbox", "/widget",
            "/api/v1/tokens", "/api/v1/audit-log", "/v3/api-docs", "/swagger-ui", "/api/v1/webhooks", "/notifications");

    /** Columns of the matrix, in the order each row lists its expectations. */
    enum Who {
        OWNER, ADMIN_MEMBER, ADMIN_NON_MEMBER, TEAM_MEMBER, DEACTIVATED, OTHER_ACCOUNT, ANONYMOUS, SUPPORT,
        /** A user of an agency with Admin access to the account, working in it. */
        PARTNER_ADMIN,
        /** A user of an agency with Read-only access to the account, working in it. */
        PARTNER_READ_ONLY,
        /** A user of an agency without access to the account, working in its own client. */
        OTHER_PARTNER
    }

    /** The user a route acts on: made fresh for every cell, so one actor's success doesn't change the next cell. */
    enum Target { NONE, ACTIVE, INVITEE, DEACTIVATED, PROFILE, ARCHIVED_PROFILE, AGENCY, CONVERSATION, CLOSED_CONVERSATION, SHORTCUT, CONTACT,
        /** A conversation with a pending reminder whose id is the conversation's (they live in different tables). */
        REMINDER,
        /**
         * An open conversation of the first profile assigned to the acting user (PERMISSIONS.md row 26). Partner users
         * can't be given conversations in the product; theirs is written directly, to show their sight doesn't hang on
         * the assignee. Actors outside the account get the colleague's.
         */
        MY_CONVERSATION,
        /** An open conversation of the first profile assigned to another team member of it (row 27). */
        COLLEAGUES_CONVERSATION,
        /** An open conversation of the first profile still assigned to a deactivated member (row 27). */
        DEACTIVATEDS_CONVERSATION,
        /** A deactivated member of the first profile who still holds an open conversation there. */
        DEACTIVATED_HOLDER,
        /** An unassigned conversation of the first profile with a reply whose text failed; the reply's id is the conversation's. */
        FAILED_TEXT,
        /** Row 32: a live API token of the acting user (actors without a user of their own get the owner's). */
        OWN_TOKEN,
        /** Row 32: a live API token of a team member of the first profile, which is nobody else's to revoke. */
        COLLEAGUES_TOKEN,
        /** An audit entry about the first profile (a profile edit); the entry's target id is the subject's. */
        AUDIT_PROFILE_ENTRY,
        /** An audit entry about the first profile's billing (a plan change). */
        AUDIT_BILLING_ENTRY,
        /** An account-wide team entry (a person edited). */
        AUDIT_TEAM_ENTRY,
        /** A sign-in of the account's owner. */
        AUDIT_SIGN_IN_ENTRY,
        /**
         * Row 20: a webhook endpoint covering the first profile only, with one delivery (the subject's deliveryId): the
         * non-member admin does not see it (docs/integrations.md), nor do other accounts.
         */
        WEBHOOK,
        /** Row 20 (issue 18): a finished contacts import into the first profile, uploaded and started by the owner. */
        CONTACT_IMPORT,
        /**
         * Row 20: a contacts file uploaded by the acting user, waiting for its mapping (team members and read-only partners
         * can't upload in the product; theirs is written directly). Actors outside the account get the owner's.
         */
        OWN_CONTACT_IMPORT,
        /**
         * Row 13 (issue 19): another signed-in session of the acting user (actors without a user of their own, and the deactivated,
         * get the owner's), named by its handle as the person's own settings page shows it.
         */
        OWN_SESSION,
        /** Row 13: a signed-in session of a team member of the first profile, which is nobody else's to end. */
        COLLEAGUES_SESSION,
        /**
         * Issue 19: a one-click unsubscribe token (the subject's email field holds its text, {token} in a path) naming a
         * team member of the first profile and their assignment email; the token is the credential, whoever sends it.
         */
        UNSUBSCRIBE_TOKEN }


    /**
     * PAGE and API answer with a status; STREAM opens an event stream; LISTING reads a list through the API and
     * answers "listed" or "absent" for the target (or the status when it isn't 200); WIDGET calls the first profile's
     * Leadbox widget ({key}) from one of its allowed websites, with the actor's cookies, and a POST answers "filed"
     * only when its lead is in the inbox.
     */
    enum Kind { PAGE, API, STREAM, LISTING, WIDGET }

    /** {@code phone}: the target conversation's contact, to search it by. */
    record Subject(UUID id, String email, String phone, Long deliveryId) {
        Subject(UUID id, String email) {
            this(id, email, null, null);
        }

        Subject(UUID id, String email, String phone) {
            this(id, email, phone, null);
        }
    }

    record Row(String method, String pattern, Kind kind, Target target, Function<Subject, Object> body, List<String> expected) {
    }

    /** A row's body that is a CSV file: sent as text/csv to the API, and as a page's multipart upload. */
    record Upload(String csv) {
    }

    private static final String TO_SIGN_IN = "302>/signin";
    private static final String TO_TEAM = "302>/team";
    private static final String TO_STAFF_SIGN_IN = "302>/support/signin";
    private static final String TO_PROFILES = "302>/profiles";
    /** A Leadbox's settings page again, saved: the target profile's id reads as {id} here. */
    private static final String TO_LEADBOX_OF_PROFILE = "302>/leadbox/profiles/{id}";
    private static final String TO_MULTI_PROFILE_LEADBOX = "302>/leadbox/multi-profile";
    /** Back to the edited contact's page: the target's id reads as {id} here. */
    private static final String TO_CONTACT = "302>/contacts/{id}";
    private static final String TO_HOME = "302>/";
    /** The person's own settings page (row 13), after a change there. */
    private static final String TO_SETTINGS = "302>/settings/me";
    /** The billing page again, after the billing account was saved (row 16). */
    private static final String TO_BILLING = "302>/settings/billing";
    /** An endpoint's page again, after a change: the target endpoint's id reads as {id} here. */
    private static final String TO_WEBHOOK = "302>/settings/integrations/webhooks/{id}";
    /** A new endpoint's page, where its secret is shown once. */
    private static final String TO_NEW_WEBHOOK = "302>/settings/integrations/webhooks/{new}";
    private static final String TO_SWAGGER_UI = "302>/swagger-ui/index.html";
    private static final String TO_WELCOME = "302>/welcome";
    private static final String TO_CONSOLE = "302>/support";
    private static final String LISTED = "listed";
    private static final String FILED = "201 filed";
    private static final String WIDGET_SITE = "https://matrix-motors.example";
    private static final String ABSENT = "absent";
    /** After a contacts file's upload, its new import's page (a new id, read as {new}). */
    private static final String TO_NEW_IMPORT = "302>/contacts/import/{new}";
    private static final String TO_IMPORT = "302>/contacts/import/{id}";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlerMapping;

    private TeamFixture fixture;
    private TeamFixture.Account account;
    private UUID otherProfile;
    private final Map<Who, WebSession> sessions = new EnumMap<>(Who.class);
    private final Map<Who, UUID> userIds = new EnumMap<>(Who.class);
    /** Row 32: the users of the actors the set-up keeps no id of (other accounts, the other agency), for their own tokens. */
    private final Map<Who, UUID> tokenUsers = new EnumMap<>(Who.class);
    /** A second team member of the first profile, holding conversations nobody acting here holds. */
    private UUID colleague;
    /** The first profile's Leadbox key, open to WIDGET_SITE, and a form token old enough to be a person's. */
    private String widgetKey;
    private String widgetFormToken;

    private final List<Row> rows = List.of(
            // Row 1: signing up is for visitors; someone signed in is sent on to their own work and nothing is created.
            page("GET", "/signup", Target.NONE, null, TO_HOME, TO_HOME, TO_HOME, TO_HOME, "200", TO_HOME, "200", TO_CONSOLE, TO_HOME, TO_HOME, TO_HOME),
            // Row 3: everyone in the account views the Team page (each sees their own account's team).
            page("GET", "/team", Target.NONE, null, "200", "200", "200", "200", TO_SIGN_IN, "200", TO_SIGN_IN, "403", "200", "200", "200"),
            page("GET", "/team/rows", Target.NONE, null, "200", "200", "200", "200", TO_SIGN_IN, "200", TO_SIGN_IN, "403", "200", "200", "200"),
            // Rows 4-5: owner and admins invite, to profiles they manage only.
            page("GET", "/team/members/new", Target.NONE, null, "200", "200", "200", "403", TO_SIGN_IN, "200", TO_SIGN_IN, "403", "200", "403", "200"),
            page("POST", "/team/members", Target.NONE, subject -> inviteForm(), TO_TEAM, TO_TEAM, "422", "403", TO_SIGN_IN, "422", TO_SIGN_IN, "403", TO_TEAM, "403", "422"),
            page("POST", "/team/members", Target.NONE, subject -> inviteToAllProfiles(), TO_TEAM, TO_TEAM, TO_TEAM, "403", TO_SIGN_IN, TO_TEAM,
                    TO_SIGN_IN, "403", TO_TEAM, "403", TO_TEAM),
            // Row 7: edit, within the actor's profiles.
            page("GET", "/team/members/{id}/edit", Target.ACTIVE, null, "200", "200", "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "200", "403", "404"),
            page("POST", "/team/members/{id}", Target.ACTIVE, TeamAuthorizationMatrixTests::editForm, TO_TEAM, TO_TEAM, "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", TO_TEAM, "403", "404"),
            // Row 6: resend and cancel.
            page("POST", "/team/members/{id}/resend", Target.INVITEE, subject -> Map.of(), TO_TEAM, TO_TEAM, "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", TO_TEAM, "403", "404"),
            page("POST", "/team/members/{id}/cancel", Target.INVITEE, subject -> Map.of(), TO_TEAM, TO_TEAM, "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", TO_TEAM, "403", "404"),
            // Rows 8-9: deactivate and hand over.
            page("GET", "/team/members/{id}/deactivate", Target.ACTIVE, null, "200", "200", "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "200", "403", "404"),
            page("POST", "/team/members/{id}/deactivate", Target.ACTIVE, subject -> Map.of("handover", "unassigned"), TO_TEAM, TO_TEAM, "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", TO_TEAM, "403", "404"),
            // Row 9: everything a deactivated member still holds, moved at once from the Team page's panel or the Inbox. The
            // non-member admin knows the person (the Inbox lists everyone) but sees none of it (422); other accounts don't know them.
            page("POST", "/inbox/bulk-transfer", Target.DEACTIVATED_HOLDER,
                    subject -> Map.of("openOf", subject.id().toString(), "to", "unassigned", "from", "team"),
                    TO_TEAM, TO_TEAM, "422", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", TO_TEAM, "403", "404"),
            api("POST", "/api/v1/conversations/bulk-transfer", Target.DEACTIVATED_HOLDER, subject -> Map.of("openOfAssignee", subject.id().toString()),
                    "200", "200", "422", "403", "401", "404", "401", "403", "200", "403", "404"),
            // The same rows through the JSON API.
            api("GET", "/api/v1/team/members", Target.NONE, null, "200", "200", "200", "200", "401", "200", "401", "403", "200", "200", "200"),
            api("POST", "/api/v1/team/members", Target.NONE, subject -> inviteForm(), "201", "201", "422", "403", "401", "422", "401", "403", "201", "403", "422"),
            // Row 5: All Profiles means every profile the inviter manages (an admin's own; anyone else's account is their own).
            api("POST", "/api/v1/team/members", Target.NONE, subject -> inviteToAllProfiles(),
                    "201", "201", "201", "403", "401", "201", "401", "403", "201", "403", "201"),
            api("GET", "/api/v1/team/members/{id}", Target.ACTIVE, null, "200", "200", "404", "200", "401", "404", "401", "403", "200", "200", "404"),
            api("PUT", "/api/v1/team/members/{id}", Target.ACTIVE, TeamAuthorizationMatrixTests::editJson, "204", "204", "404", "403", "401", "404", "401", "403", "204", "403", "404"),
            api("POST", "/api/v1/team/members/{id}/invitation/resend", Target.INVITEE, null, "204", "204", "404", "403", "401", "404", "401", "403", "204", "403", "404"),
            api("DELETE", "/api/v1/team/members/{id}/invitation", Target.INVITEE, null, "204", "204", "404", "403", "401", "404", "401", "403", "204", "403", "404"),
            api("GET", "/api/v1/team/members/{id}/deactivation", Target.ACTIVE, null, "200", "200", "404", "403", "401", "404", "401", "403", "200", "403", "404"),
            api("POST", "/api/v1/team/members/{id}/deactivation", Target.ACTIVE, subject -> Map.of(), "204", "204", "404", "403", "401", "404", "401", "403", "204", "403", "404"),
            api("GET", "/api/v1/session", Target.NONE, null, "200", "200", "200", "200", "401", "200", "401", "403", "200", "200", "200"),
            // Rows 6, 10 and 34: the support console is for staff only; customers are told it doesn't exist.
            page("GET", "/support/signin", Target.NONE, null, "404", "404", "404", "404", "200", "404", "200", "200", "404", "404", "404"),
            page("POST", "/support/signin", Target.NONE, subject -> Map.of("email", STAFF_EMAIL, "password", "not the password"),
                    "404", "404", "404", "404", "401", "404", "401", "401", "404", "404", "404"),
            // The code step needs a password checked moments before in the same session; without one, back to the start.
            page("GET", "/support/signin/code", Target.NONE, null, "404", "404", "404", "404", TO_STAFF_SIGN_IN, "404", TO_STAFF_SIGN_IN, TO_STAFF_SIGN_IN, "404", "404", "404"),
            page("POST", "/support/signin/code", Target.NONE, subject -> Map.of("code", "123456"),
                    "404", "404", "404", "404", TO_STAFF_SIGN_IN, "404", TO_STAFF_SIGN_IN, TO_STAFF_SIGN_IN, "404", "404", "404"),
            page("GET", "/support", Target.NONE, null, "404", "404", "404", "404", TO_STAFF_SIGN_IN, "404", TO_STAFF_SIGN_IN, "200", "404", "404", "404"),
            page("POST", "/support/agencies", Target.NONE, subject -> Map.of("agencyName", ""),
                    "404", "404", "404", "404", TO_STAFF_SIGN_IN, "404", TO_STAFF_SIGN_IN, "422", "404", "404", "404"),
            page("POST", "/support/users/reactivate", Target.DEACTIVATED, subject -> Map.of("email", subject.email()),
                    "404", "404", "404", "404", TO_STAFF_SIGN_IN, "404", TO_STAFF_SIGN_IN, "302>/support", "404", "404", "404"),
            page("POST", "/support/users/resend-invitation", Target.INVITEE, subject -> Map.of("email", subject.email()),
                    "404", "404", "404", "404", TO_STAFF_SIGN_IN, "404", TO_STAFF_SIGN_IN, "302>/support", "404", "404", "404"),
            // Row 12: ending an agency's access to the account is support's alone (the client has no such route, see below).
            page("POST", "/support/partner-access/end", Target.AGENCY,
                    subject -> Map.of("client", account.id().toString(), "agency", subject.id().toString(), "reason", "Asked by the client."),
                    "404", "404", "404", "404", TO_STAFF_SIGN_IN, "404", TO_STAFF_SIGN_IN, "302>/support", "404", "404", "404"),
            // Rows 14-16: profiles. The target profile has the admin member and the team member in it, not the
            // other admin; an archived profile is the owner's to restore.
            page("GET", "/profiles", Target.NONE, null, "200", "200", "200", "200", TO_SIGN_IN, "200", TO_SIGN_IN, "403", "200", "200", "200"),
            page("GET", "/profiles/rows", Target.NONE, null, "200", "200", "200", "200", TO_SIGN_IN, "200", TO_SIGN_IN, "403", "200", "200", "200"),
            page("GET", "/profiles/new", Target.NONE, null, "200", "200", "200", "403", TO_SIGN_IN, "200", TO_SIGN_IN, "403", "200", "403", "200"),
            page("POST", "/profiles", Target.NONE, subject -> profileForm(), TO_PROFILES, TO_PROFILES, TO_PROFILES, "403", TO_SIGN_IN, TO_PROFILES, TO_SIGN_IN, "403", TO_PROFILES, "403", TO_PROFILES),
            page("GET", "/profiles/{id}/edit", Target.PROFILE, null, "200", "200", "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "200", "403", "404"),
            page("POST", "/profiles/{id}", Target.PROFILE, subject -> profileForm(), TO_PROFILES, TO_PROFILES, "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", TO_PROFILES, "403", "404"),
            // The Texting section answers with itself when saved (200); a number of the target's own, so no cell collides.
            page("POST", "/profiles/{id}/texting", Target.PROFILE, TeamAuthorizationMatrixTests::textingForm, "200", "200", "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "200", "403", "404"),
            // Row 19: auto replies, on the profile's edit dialog; edited by those who edit the profile, read by all who see it.
            page("POST", "/profiles/{id}/auto-replies", Target.PROFILE, subject -> autoRepliesForm(), "200", "200", "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "200", "403", "404"),
            page("POST", "/profiles/{id}/plan", Target.PROFILE, subject -> Map.of("plan", "premium"), TO_PROFILES, "403", "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "403", "403", "404"),
            page("POST", "/profiles/{id}/archive", Target.PROFILE, subject -> Map.of(), TO_PROFILES, TO_PROFILES, "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", TO_PROFILES, "403", "404"),
            page("POST", "/profiles/{id}/restore", Target.ARCHIVED_PROFILE, subject -> Map.of(), TO_PROFILES, "404", "404", "404", TO_SIGN_IN, "404", TO_SIGN_IN, "403", TO_PROFILES, "403", "404"),
            page("POST", "/profiles/current", Target.PROFILE, subject -> Map.of("profile", subject.id().toString(), "back", "/team"),
                    TO_TEAM, TO_TEAM, "404", TO_TEAM, TO_SIGN_IN, "404", TO_SIGN_IN, "403", TO_TEAM, TO_TEAM, "404"),
            api("GET", "/api/v1/profiles", Target.NONE, null, "200", "200", "200", "200", "401", "200", "401", "403", "200", "200", "200"),
            api("POST", "/api/v1/profiles", Target.NONE, subject -> profileJson(), "201", "201", "201", "403", "401", "201", "401", "403", "201", "403", "201"),
            api("GET", "/api/v1/profiles/{id}", Target.PROFILE, null, "200", "200", "404", "200", "401", "404", "401", "403", "200", "200", "404"),
            api("PUT", "/api/v1/profiles/{id}", Target.PROFILE, subject -> profileJson(), "200", "200", "404", "403", "401", "404", "401", "403", "200", "403", "404"),
            api("PUT", "/api/v1/profiles/{id}/texting", Target.PROFILE, TeamAuthorizationMatrixTests::textingForm, "200", "200", "404", "403", "401", "404", "401", "403", "200", "403", "404"),
            api("GET", "/api/v1/profiles/{id}/auto-replies", Target.PROFILE, null, "200", "200", "404", "200", "401", "404", "401", "403", "200", "200", "404"),
            api("PUT", "/api/v1/profiles/{id}/auto-replies", Target.PROFILE, subject -> autoRepliesJson(), "200", "200", "404", "403", "401", "404", "401", "403", "200", "403", "404"),
            // Row 18: everyone who sees a profile gets its Leadbox's embed code (S41), read-only partners too; the multi-profile
            // Leadbox offers every profile, so only those who see every profile see it (other accounts read their own).
            page("GET", "/leadbox", Target.NONE, null, "200", "200", "200", "200", TO_SIGN_IN, "200", TO_SIGN_IN, "403", "200", "200", "200"),
            api("GET", "/api/v1/leadboxes", Target.NONE, null, "200", "200", "200", "200", "401", "200", "401", "403", "200", "200", "200"),
            listing("/api/v1/leadboxes", Target.PROFILE, LISTED, LISTED, ABSENT, LISTED, "401", ABSENT, "401", "403", LISTED, LISTED, ABSENT),
            api("GET", "/api/v1/profiles/{id}/leadbox", Target.PROFILE, null, "200", "200", "404", "200", "401", "404", "401", "403", "200", "200", "404"),
            api("GET", "/api/v1/profiles/{id}/leadbox", Target.ARCHIVED_PROFILE, null,
                    "404", "404", "404", "404", "401", "404", "401", "403", "404", "404", "404"),
            api("GET", "/api/v1/leadbox/multi-profile", Target.NONE, null, "200", "404", "404", "404", "401", "200", "401", "403", "200", "200", "200"),
            // Row 17 (S28, S42): the owner, the profile's admins and partner admins edit a profile's Leadbox; the multi-profile
            // one, those of them who see every profile. Read-only partners see the controls disabled (403 here).
            page("GET", "/leadbox/profiles/{id}", Target.PROFILE, null, "200", "200", "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "200", "403", "404"),
            page("POST", "/leadbox/profiles/{id}", Target.PROFILE, subject -> leadboxForm(), TO_LEADBOX_OF_PROFILE, TO_LEADBOX_OF_PROFILE, "404", "403",
                    TO_SIGN_IN, "404", TO_SIGN_IN, "403", TO_LEADBOX_OF_PROFILE, "403", "404"),
            api("PUT", "/api/v1/profiles/{id}/leadbox", Target.PROFILE, subject -> leadboxJson(), "200", "200", "404", "403", "401", "404", "401", "403", "200", "403", "404"),
            page("GET", "/leadbox/multi-profile", Target.NONE, null, "200", "404", "404", "404", TO_SIGN_IN, "200", TO_SIGN_IN, "403", "200", "403", "200"),
            page("POST", "/leadbox/multi-profile", Target.NONE, subject -> leadboxForm(), TO_MULTI_PROFILE_LEADBOX, "404", "404", "404", TO_SIGN_IN,
                    TO_MULTI_PROFILE_LEADBOX, TO_SIGN_IN, "403", TO_MULTI_PROFILE_LEADBOX, "403", TO_MULTI_PROFILE_LEADBOX),
            api("PUT", "/api/v1/leadbox/multi-profile", Target.NONE, subject -> leadboxJson(), "200", "404", "404", "404", "401", "200", "401", "403", "200", "403", "200"),
            // Row 33: a lead posted through a Leadbox widget key is a website visitor's, whoever is signed in where: the widget's
            // routes read no session (the actor's cookies go along and change nothing), only the key and the website.
            widget("GET", "/widget/v1/{key}", "200", "200", "200", "200", "200", "200", "200", "200", "200", "200", "200"),
            widget("GET", "/widget/v1/{key}/form-token", "200", "200", "200", "200", "200", "200", "200", "200", "200", "200", "200"),
            widget("POST", "/widget/v1/{key}/leads", FILED, FILED, FILED, FILED, FILED, FILED, FILED, FILED, FILED, FILED, FILED),
            api("PUT", "/api/v1/profiles/{id}/plan", Target.PROFILE, subject -> Map.of("plan", "premium"), "200", "403", "404", "403", "401", "404", "401", "403", "403", "403", "404"),
            api("POST", "/api/v1/profiles/{id}/archive", Target.PROFILE, null, "204", "204", "404", "403", "401", "404", "401", "403", "204", "403", "404"),
            api("POST", "/api/v1/profiles/{id}/restore", Target.ARCHIVED_PROFILE, null, "204", "404", "404", "404", "401", "404", "401", "403", "204", "403", "404"),
            // Row 11 and partner access: the target is an agency with Admin access to the account. Partner users'
            // own columns come with their acting in client accounts.
            page("GET", "/partners", Target.NONE, null, "404", "404", "404", "404", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "404", "404", "404"),
            page("GET", "/partners/signup", Target.NONE, null, TO_HOME, TO_HOME, TO_HOME, TO_HOME, "200", TO_HOME, "200", TO_CONSOLE, TO_HOME, TO_HOME, TO_HOME),
            page("POST", "/partners/signup", Target.NONE, subject -> Map.of("businessName", "", "yourName", "", "email", "x"),
                    TO_HOME, TO_HOME, TO_HOME, TO_HOME, "422", TO_HOME, "422", TO_CONSOLE, TO_HOME, TO_HOME, TO_HOME),
            page("POST", "/partners/act", Target.AGENCY, subject -> Map.of("account", subject.id().toString()),
                    "404", "404", "404", "404", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "404", "404", "404"),
            page("GET", "/team/partners", Target.NONE, null, "200", "200", "200", "200", TO_SIGN_IN, "200", TO_SIGN_IN, "403", "200", "200", "200"),
            page("POST", "/team/partners", Target.NONE, subject -> Map.of("code", "ZZZZZZZZZZ", "level", "admin"),
                    "422", "403", "403", "403", TO_SIGN_IN, "422", TO_SIGN_IN, "403", "403", "403", "403"),
            api("POST", "/api/v1/partners/agencies", Target.NONE, subject -> Map.of("code", "ZZZZZZZZZZ", "level", "admin"),
                    "422", "403", "403", "403", "401", "422", "401", "403", "403", "403", "403"),
            page("POST", "/team/partners/{agencyId}/level", Target.AGENCY, subject -> Map.of("level", "read_only"),
                    TO_TEAM, TO_TEAM, TO_TEAM, "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "403", "403", "404"),
            api("GET", "/api/v1/partners/clients", Target.NONE, null, "404", "404", "404", "404", "401", "404", "401", "403", "404", "404", "404"),
            api("GET", "/api/v1/partners/agencies", Target.NONE, null, "200", "200", "200", "200", "401", "200", "401", "403", "200", "200", "200"),
            api("PUT", "/api/v1/partners/agencies/{agencyId}/level", Target.AGENCY, subject -> Map.of("level", "read_only"),
                    "204", "204", "204", "403", "401", "404", "401", "403", "403", "403", "404"),
            // Rows 25-30: conversations through the one visibility rule. The target is an unassigned conversation of the
            // first profile: the non-member admin and other accounts don't see it (404); read-only partners see it but
            // change nothing (403).
            api("GET", "/api/v1/contacts", Target.NONE, null, "200", "200", "200", "200", "401", "200", "401", "403", "200", "200", "200"),
            api("GET", "/api/v1/contacts/{id}", Target.CONTACT, null, "200", "200", "404", "200", "401", "404", "401", "403", "200", "200", "404"),
            // Rows 28-29: whoever works conversations in the contact's profile edits it; read-only partners don't.
            api("PUT", "/api/v1/contacts/{id}", Target.CONTACT, TeamAuthorizationMatrixTests::contactEdit,
                    "204", "204", "404", "204", "401", "404", "401", "403", "204", "403", "404"),
            // Row 21: owner, admins (their own profiles' contacts) and partner admins export; team members and read-only partners don't.
            api("GET", "/api/v1/contacts/export.csv", Target.NONE, null, "200", "200", "200", "403", "401", "200", "401", "403", "200", "403", "200"),
            page("GET", "/contacts", Target.NONE, null, "200", "200", "200", "200", TO_SIGN_IN, "200", TO_SIGN_IN, "403", "200", "200", "200"),
            // Row 20 (issue 18): the contacts import, for the owner, admins and partner admins; an import is seen by whoever
            // uploaded it and, once started, by those who work in its profile; it goes only into a profile of the actor's own.
            page("GET", "/contacts/import", Target.NONE, null, "200", "200", "200", "403", TO_SIGN_IN, "200", TO_SIGN_IN, "403", "200", "403", "200"),
            page("POST", "/contacts/import", Target.NONE, subject -> new Upload(matrixCsv()),
                    TO_NEW_IMPORT, TO_NEW_IMPORT, TO_NEW_IMPORT, "403", TO_SIGN_IN, TO_NEW_IMPORT, TO_SIGN_IN, "403", TO_NEW_IMPORT, "403", TO_NEW_IMPORT),
            page("GET", "/contacts/import/{id}", Target.CONTACT_IMPORT, null, "200", "200", "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "200", "403", "404"),
            page("GET", "/contacts/import/{id}/progress", Target.CONTACT_IMPORT, null,
                    "200", "200", "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "200", "403", "404"),
            page("POST", "/contacts/import/{id}/start", Target.OWN_CONTACT_IMPORT, this::importStartForm,
                    TO_IMPORT, TO_IMPORT, "422", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", TO_IMPORT, "403", "404"),
            api("POST", "/api/v1/contacts/imports", Target.NONE, subject -> new Upload(matrixCsv()),
                    "201", "201", "201", "403", "401", "201", "401", "403", "201", "403", "201"),
            api("GET", "/api/v1/contacts/imports/{id}", Target.CONTACT_IMPORT, null, "200", "200", "404", "403", "401", "404", "401", "403", "200", "403", "404"),
            api("POST", "/api/v1/contacts/imports/{id}/start", Target.OWN_CONTACT_IMPORT, this::importStartJson,
                    "202", "202", "422", "403", "401", "404", "401", "403", "202", "403", "404"),
            api("GET", "/api/v1/contacts/imports/{id}/errors.csv", Target.CONTACT_IMPORT, null,
                    "200", "200", "404", "403", "401", "404", "401", "403", "200", "403", "404"),
            page("GET", "/contacts/{id}", Target.CONTACT, null, "200", "200", "404", "200", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "200", "200", "404"),
            page("POST", "/contacts/{id}", Target.CONTACT, TeamAuthorizationMatrixTests::contactEdit,
                    TO_CONTACT, TO_CONTACT, "404", TO_CONTACT, TO_SIGN_IN, "404", TO_SIGN_IN, "403", TO_CONTACT, "403", "404"),
            api("GET", "/api/v1/conversations", Target.NONE, null, "200", "200", "200", "200", "401", "200", "401", "403", "200", "200", "200"),
            api("GET", "/api/v1/conversations/counts", Target.NONE, null, "200", "200", "200", "200", "401", "200", "401", "403", "200", "200", "200"),
            // A search's count reads through the same rule as the list it counts.
            api("GET", "/api/v1/conversations/search-count?q=hello", Target.NONE, null,
                    "200", "200", "200", "200", "401", "200", "401", "403", "200", "200", "200"),
            api("GET", "/api/v1/conversations/{id}", Target.CONVERSATION, null, "200", "200", "404", "200", "401", "404", "401", "403", "200", "200", "404"),
            // Rows 26-27: one's own conversations, a colleague's and a deactivated member's, read, listed and answered. A team
            // member never sees another person's, by any of these paths; read-only partners see every one and answer none.
            api("GET", "/api/v1/conversations/{id}", Target.MY_CONVERSATION, null,
                    "200", "200", "404", "200", "401", "404", "401", "403", "200", "200", "404"),
            api("GET", "/api/v1/conversations/{id}", Target.COLLEAGUES_CONVERSATION, null,
                    "200", "200", "404", "404", "401", "404", "401", "403", "200", "200", "404"),
            api("GET", "/api/v1/conversations/{id}", Target.DEACTIVATEDS_CONVERSATION, null,
                    "200", "200", "404", "404", "401", "404", "401", "403", "200", "200", "404"),
            listing("/api/v1/conversations?tab=all&q={phone}", Target.MY_CONVERSATION,
                    LISTED, LISTED, ABSENT, LISTED, "401", ABSENT, "401", "403", LISTED, LISTED, ABSENT),
            listing("/api/v1/conversations?tab=all&q={phone}", Target.COLLEAGUES_CONVERSATION,
                    LISTED, LISTED, ABSENT, ABSENT, "401", ABSENT, "401", "403", LISTED, LISTED, ABSENT),
            listing("/api/v1/conversations?tab=all&q={phone}", Target.DEACTIVATEDS_CONVERSATION,
                    LISTED, LISTED, ABSENT, ABSENT, "401", ABSENT, "401", "403", LISTED, LISTED, ABSENT),
            page("GET", "/inbox?c={id}", Target.MY_CONVERSATION, null, "200", "200", "404", "200", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "200", "200", "404"),
            page("GET", "/inbox?c={id}", Target.COLLEAGUES_CONVERSATION, null,
                    "200", "200", "404", "404", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "200", "200", "404"),
            api("POST", "/api/v1/conversations/{id}/replies", Target.MY_CONVERSATION, subject -> Map.of("body", "On my way"),
                    "204", "204", "404", "204", "401", "404", "401", "403", "204", "403", "404"),
            api("POST", "/api/v1/conversations/{id}/replies", Target.COLLEAGUES_CONVERSATION, subject -> Map.of("body", "On my way"),
                    "204", "204", "404", "404", "401", "404", "401", "403", "204", "403", "404"),
            api("POST", "/api/v1/conversations/{id}/replies", Target.CONVERSATION, subject -> Map.of("body", "Hello!"),
                    "204", "204", "404", "204", "401", "404", "401", "403", "204", "403", "404"),
            // Row 28: sending a failed reply again is replying.
            api("POST", "/api/v1/conversations/{id}/messages/{messageId}/retry", Target.FAILED_TEXT, null,
                    "204", "204", "404", "204", "401", "404", "401", "403", "204", "403", "404"),
            api("POST", "/api/v1/conversations/{id}/notes", Target.CONVERSATION, subject -> Map.of("body", "Call back"),
                    "204", "204", "404", "204", "401", "404", "401", "403", "204", "403", "404"),
            api("PUT", "/api/v1/conversations/{id}/assignee", Target.CONVERSATION, subject -> new java.util.HashMap<String, Object>(),
                    "204", "204", "404", "204", "401", "404", "401", "403", "204", "403", "404"),
            api("POST", "/api/v1/conversations/bulk-transfer", Target.CONVERSATION,
                    subject -> Map.of("conversationIds", List.of(subject.id().toString())),
                    "200", "200", "404", "403", "401", "404", "401", "403", "200", "403", "404"),
            api("POST", "/api/v1/conversations/{id}/close", Target.CONVERSATION, subject -> Map.of("outcome", "won"),
                    "204", "204", "404", "204", "401", "404", "401", "403", "204", "403", "404"),
            api("POST", "/api/v1/conversations/{id}/reopen", Target.CLOSED_CONVERSATION, null,
                    "204", "204", "404", "204", "401", "404", "401", "403", "204", "403", "404"),
            api("PUT", "/api/v1/conversations/{id}/profile", Target.CONVERSATION, subject -> Map.of("profileId", account.firstProfileId().toString()),
                    "204", "204", "404", "204", "401", "404", "401", "403", "204", "403", "404"),
            api("POST", "/api/v1/conversations/{id}/reminders", Target.CONVERSATION,
                    subject -> Map.of("dueAt", clock.instant().plus(java.time.Duration.ofDays(1)).toString(), "note", "Call back"),
                    "201", "201", "404", "201", "401", "404", "401", "403", "201", "403", "404"),
            api("DELETE", "/api/v1/conversations/{id}/reminders/{reminderId}", Target.REMINDER, null,
                    "204", "204", "404", "204", "401", "404", "401", "403", "204", "403", "404"),
            // Issue 19, notifications: everyone signed in saves their own choices (row 13, read-only partners too); the browser
            // notifications' stream is every signed-in customer's; the one-click unsubscribe (RFC 8058) needs no session: its
            // token is the credential, so every caller gets the page (GET, changing nothing) and the POST turns the email off.
            page("POST", "/settings/me/notifications", Target.NONE, subject -> Map.of("assignmentEmail", "on", "newLead", "each"),
                    TO_SETTINGS, TO_SETTINGS, TO_SETTINGS, TO_SETTINGS, TO_SIGN_IN, TO_SETTINGS, TO_SIGN_IN, "403",
                    TO_SETTINGS, TO_SETTINGS, TO_SETTINGS),
            new Row("GET", "/notifications/events", Kind.STREAM, Target.NONE, null, List.of("200", "200", "200", "200", TO_SIGN_IN, "200",
                    TO_SIGN_IN, "403", "200", "200", "200")),
            page("GET", "/notifications/unsubscribe?token={token}", Target.UNSUBSCRIBE_TOKEN, null,
                    "200", "200", "200", "200", "200", "200", "200", "200", "200", "200", "200"),
            page("POST", "/notifications/unsubscribe?token={token}", Target.UNSUBSCRIBE_TOKEN, subject -> Map.of("List-Unsubscribe", "One-Click"),
                    "200", "200", "200", "200", "200", "200", "200", "200", "200", "200", "200"),
            // The Inbox page and the local dev channel, through the same rule and guards.
            new Row("GET", "/inbox/events", Kind.STREAM, Target.NONE, null, List.of("200", "200", "200", "200", TO_SIGN_IN, "200",
                    TO_SIGN_IN, "403", "200", "200", "200")),
            page("GET", "/inbox", Target.NONE, null, "200", "200", "200", "200", TO_SIGN_IN, "200", TO_SIGN_IN, "403", "200", "200", "200"),
            page("GET", "/inbox/search-count?q=hello", Target.NONE, null,
                    "200", "200", "200", "200", TO_SIGN_IN, "200", TO_SIGN_IN, "403", "200", "200", "200"),
            page("POST", "/inbox/conversations/{id}/reply", Target.CONVERSATION, subject -> Map.of("body", "Hi"),
                    "302>/inbox", "302>/inbox", "404", "302>/inbox", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "302>/inbox", "403", "404"),
            page("POST", "/inbox/conversations/{id}/messages/{messageId}/retry", Target.FAILED_TEXT, subject -> Map.of(),
                    "302>/inbox", "302>/inbox", "404", "302>/inbox", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "302>/inbox", "403", "404"),
            page("POST", "/inbox/conversations/{id}/note", Target.CONVERSATION, subject -> Map.of("body", "Hi"),
                    "302>/inbox", "302>/inbox", "404", "302>/inbox", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "302>/inbox", "403", "404"),
            page("POST", "/inbox/conversations/{id}/assign", Target.CONVERSATION, subject -> Map.of("assignee", "unassigned"),
                    "302>/inbox", "302>/inbox", "404", "302>/inbox", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "302>/inbox", "403", "404"),
            page("POST", "/inbox/conversations/{id}/close", Target.CONVERSATION, subject -> Map.of("outcome", "won"),
                    "302>/inbox", "302>/inbox", "404", "302>/inbox", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "302>/inbox", "403", "404"),
            page("POST", "/inbox/conversations/{id}/reopen", Target.CLOSED_CONVERSATION, subject -> Map.of(),
                    "302>/inbox", "302>/inbox", "404", "302>/inbox", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "302>/inbox", "403", "404"),
            page("POST", "/inbox/conversations/{id}/profile", Target.CONVERSATION, subject -> Map.of("profile", account.firstProfileId().toString()),
                    "302>/inbox", "302>/inbox", "404", "302>/inbox", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "302>/inbox", "403", "404"),
            page("POST", "/inbox/conversations/{id}/reminders", Target.CONVERSATION,
                    subject -> Map.of("dueAt", java.time.LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).plusDays(2).withNano(0)
                            .toString(), "note", "Call back"),
                    "302>/inbox", "302>/inbox", "404", "302>/inbox", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "302>/inbox", "403", "404"),
            page("POST", "/inbox/conversations/{id}/reminders/{reminderId}/cancel", Target.REMINDER, subject -> Map.of(),
                    "302>/inbox", "302>/inbox", "404", "302>/inbox", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "302>/inbox", "403", "404"),
            page("POST", "/inbox/bulk-transfer", Target.CONVERSATION, subject -> Map.of("conversation", subject.id().toString(), "to", "unassigned"),
                    "302>/inbox", "302>/inbox", "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "302>/inbox", "403", "404"),
            page("GET", "/dev/channel", Target.NONE, null, "200", "200", "200", "200", TO_SIGN_IN, "200", TO_SIGN_IN, "403", "200", "200", "200"),
            page("POST", "/dev/channel", Target.PROFILE, subject -> Map.of("profile", subject.id().toString(), "phone", "+15557654321", "body", "Hello"),
                    "302>/dev/channel", "302>/dev/channel", "404", "302>/dev/channel", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "302>/dev/channel", "403", "404"),
            // Rows 22-24: personal shortcuts for everyone who works conversations; the target is a shortcut shared in the
            // first profile, which its admins edit and its members only use.
            page("GET", "/shortcuts", Target.NONE, null, "200", "200", "200", "200", TO_SIGN_IN, "200", TO_SIGN_IN, "403", "200", "200", "200"),
            page("POST", "/shortcuts", Target.NONE, subject -> Map.of("name", "s" + UUID.randomUUID().toString().substring(0, 8), "body", "Hi"),
                    "302>/shortcuts", "302>/shortcuts", "302>/shortcuts", "302>/shortcuts", TO_SIGN_IN, "302>/shortcuts", TO_SIGN_IN, "403",
                    "302>/shortcuts", "403", "302>/shortcuts"),
            page("POST", "/shortcuts/{id}/delete", Target.SHORTCUT, subject -> Map.of(),
                    "302>/shortcuts", "302>/shortcuts", "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "302>/shortcuts", "403", "404"),
            api("GET", "/api/v1/shortcuts", Target.NONE, null, "200", "200", "200", "200", "401", "200", "401", "403", "200", "200", "200"),
            api("POST", "/api/v1/shortcuts", Target.NONE, subject -> Map.of("name", "s" + UUID.randomUUID().toString().substring(0, 8), "body", "Hi"),
                    "201", "201", "201", "201", "401", "201", "401", "403", "201", "403", "201"),
            api("DELETE", "/api/v1/shortcuts/{id}", Target.SHORTCUT, null, "204", "204", "404", "403", "401", "404", "401", "403", "204", "403", "404"),
            // Row 23: the first profile's shared shortcut is offered to whoever works there (read-only partners read it too,
            // though they write no replies to use it in); row 24: only its admins and partner admins add shared ones.
            listing("/api/v1/shortcuts", Target.SHORTCUT, LISTED, LISTED, ABSENT, LISTED, "401", ABSENT, "401", "403", LISTED, LISTED, ABSENT),
            api("POST", "/api/v1/shortcuts", Target.NONE, subject -> sharedShortcutJson(),
                    "201", "201", "404", "403", "401", "404", "401", "403", "201", "403", "404"),
            page("POST", "/shortcuts", Target.NONE, subject -> sharedShortcutForm(),
                    "302>/shortcuts", "302>/shortcuts", "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "302>/shortcuts", "403", "404"),
            // Row 32 (issue 18, WP1): every signed-in customer, read-only partners included, makes, lists and revokes their own
            // API tokens (on the settings page and through the API); a token is its user's alone, so another's is unknown (404).
            page("POST", "/settings/me/tokens", Target.NONE, subject -> Map.of("name", "Matrix tool", "expiresInDays", "30"),
                    "200", "200", "200", "200", TO_SIGN_IN, "200", TO_SIGN_IN, "403", "200", "200", "200"),
            page("POST", "/settings/me/tokens/{id}/revoke", Target.OWN_TOKEN, subject -> Map.of(),
                    TO_SETTINGS, TO_SETTINGS, TO_SETTINGS, TO_SETTINGS, TO_SIGN_IN, TO_SETTINGS, TO_SIGN_IN, "403", TO_SETTINGS, TO_SETTINGS, TO_SETTINGS),
            page("POST", "/settings/me/tokens/{id}/revoke", Target.COLLEAGUES_TOKEN, subject -> Map.of(),
                    "404", "404", "404", "404", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "404", "404", "404"),
            api("GET", "/api/v1/tokens", Target.NONE, null, "200", "200", "200", "200", "401", "200", "401", "403", "200", "200", "200"),
            listing("/api/v1/tokens", Target.OWN_TOKEN, LISTED, LISTED, LISTED, LISTED, "401", LISTED, "401", "403", LISTED, LISTED, LISTED),
            listing("/api/v1/tokens", Target.COLLEAGUES_TOKEN, ABSENT, ABSENT, ABSENT, ABSENT, "401", ABSENT, "401", "403", ABSENT, ABSENT, ABSENT),
            api("POST", "/api/v1/tokens", Target.NONE, subject -> Map.of("name", "Matrix tool", "expiresInDays", 30),
                    "201", "201", "201", "201", "401", "201", "401", "403", "201", "201", "201"),
            api("DELETE", "/api/v1/tokens/{id}", Target.OWN_TOKEN, null, "204", "204", "204", "204", "401", "204", "401", "403", "204", "204", "204"),
            api("DELETE", "/api/v1/tokens/{id}", Target.COLLEAGUES_TOKEN, null, "404", "404", "404", "404", "401", "404", "401", "403", "404", "404", "404"),
            // Row 31: the account's audit log is read by the owner, admins and partner users (read-only ones too), never by team
            // members; admins read the account-wide team, partner and settings entries and those about their own profiles (not
            // billing), so the first profile's entries are the member admin's only; nobody reads another account's.
            page("GET", "/settings/audit-log", Target.NONE, null, "200", "200", "200", "403", TO_SIGN_IN, "200", TO_SIGN_IN, "403", "200", "200", "200"),
            api("GET", "/api/v1/audit-log", Target.NONE, null, "200", "200", "200", "403", "401", "200", "401", "403", "200", "200", "200"),
            api("GET", "/api/v1/audit-log/export.csv", Target.NONE, null, "200", "200", "200", "403", "401", "200", "401", "403", "200", "200", "200"),
            listing("/api/v1/audit-log?kind=profile.edited", Target.AUDIT_PROFILE_ENTRY,
                    LISTED, LISTED, ABSENT, "403", "401", ABSENT, "401", "403", LISTED, LISTED, ABSENT),
            listing("/api/v1/audit-log?kind=profile.plan_changed", Target.AUDIT_BILLING_ENTRY,
                    LISTED, ABSENT, ABSENT, "403", "401", ABSENT, "401", "403", LISTED, LISTED, ABSENT),
            listing("/api/v1/audit-log?kind=user.edited", Target.AUDIT_TEAM_ENTRY,
                    LISTED, LISTED, LISTED, "403", "401", ABSENT, "401", "403", LISTED, LISTED, ABSENT),
            listing("/api/v1/audit-log?kind=sign_in", Target.AUDIT_SIGN_IN_ENTRY,
                    LISTED, ABSENT, ABSENT, "403", "401", ABSENT, "401", "403", LISTED, LISTED, ABSENT),
            // Issue 18, WP5: the API's OpenAPI description and Swagger UI, for everyone signed in to an account (each reads the
            // same document; it holds no account's data); support staff are not API users (403); signed out, 401 or sign-in.
            // The YAML form is asked for as a browser would (the API's Accept: application/json excludes it).
            api("GET", "/v3/api-docs", Target.NONE, null, "200", "200", "200", "200", "401", "200", "401", "403", "200", "200", "200"),
            api("GET", "/v3/api-docs/swagger-config", Target.NONE, null, "200", "200", "200", "200", "401", "200", "401", "403", "200", "200", "200"),
            page("GET", "/v3/api-docs.yaml", Target.NONE, null, "200", "200", "200", "200", "401", "200", "401", "403", "200", "200", "200"),
            page("GET", "/swagger-ui.html", Target.NONE, null, TO_SWAGGER_UI, TO_SWAGGER_UI, TO_SWAGGER_UI, TO_SWAGGER_UI, TO_SIGN_IN, TO_SWAGGER_UI,
                    TO_SIGN_IN, "403", TO_SWAGGER_UI, TO_SWAGGER_UI, TO_SWAGGER_UI),
            // Row 20 (issue 18): webhook endpoints, configured by the owner, admins and partner admins; team members and read-only
            // partners are refused (403). The target covers the first profile only: an admin who is no member of it does not see
            // it (404), and no other account does. A new endpoint may cover only profiles its maker works in (422 otherwise).
            page("GET", "/settings/integrations", Target.NONE, null, "200", "200", "200", "403", TO_SIGN_IN, "200", TO_SIGN_IN, "403", "200", "403", "200"),
            page("GET", "/settings/integrations/webhooks/new", Target.NONE, null, "200", "200", "200", "403", TO_SIGN_IN, "200", TO_SIGN_IN, "403", "200", "403", "200"),
            page("POST", "/settings/integrations/webhooks", Target.NONE, subject -> webhookForm(),
                    TO_NEW_WEBHOOK, TO_NEW_WEBHOOK, "422", "403", TO_SIGN_IN, "422", TO_SIGN_IN, "403", TO_NEW_WEBHOOK, "403", "422"),
            page("GET", "/settings/integrations/webhooks/{id}", Target.WEBHOOK, null, "200", "200", "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "200", "403", "404"),
            page("GET", "/settings/integrations/webhooks/{id}/sync", Target.WEBHOOK, null, "200", "200", "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "200", "403", "404"),
            page("GET", "/settings/integrations/webhooks/{id}/edit", Target.WEBHOOK, null, "200", "200", "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "200", "403", "404"),
            page("POST", "/settings/integrations/webhooks/{id}", Target.WEBHOOK, subject -> webhookForm(),
                    TO_WEBHOOK, TO_WEBHOOK, "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", TO_WEBHOOK, "403", "404"),
            page("POST", "/settings/integrations/webhooks/{id}/disable", Target.WEBHOOK, subject -> Map.of(),
                    TO_WEBHOOK, TO_WEBHOOK, "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", TO_WEBHOOK, "403", "404"),
            page("POST", "/settings/integrations/webhooks/{id}/enable", Target.WEBHOOK, subject -> Map.of(),
                    TO_WEBHOOK, TO_WEBHOOK, "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", TO_WEBHOOK, "403", "404"),
            page("POST", "/settings/integrations/webhooks/{id}/rotate-secret", Target.WEBHOOK, subject -> Map.of(),
                    TO_WEBHOOK, TO_WEBHOOK, "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", TO_WEBHOOK, "403", "404"),
            page("POST", "/settings/integrations/webhooks/{id}/test", Target.WEBHOOK, subject -> Map.of(),
                    TO_WEBHOOK, TO_WEBHOOK, "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", TO_WEBHOOK, "403", "404"),
            page("POST", "/settings/integrations/webhooks/{id}/sync", Target.WEBHOOK, subject -> Map.of(),
                    TO_WEBHOOK, TO_WEBHOOK, "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", TO_WEBHOOK, "403", "404"),
            page("POST", "/settings/integrations/webhooks/{id}/deliveries/{deliveryId}/resend", Target.WEBHOOK, subject -> Map.of(),
                    TO_WEBHOOK, TO_WEBHOOK, "404", "403", TO_SIGN_IN, "404", TO_SIGN_IN, "403", TO_WEBHOOK, "403", "404"),
            api("GET", "/api/v1/webhooks", Target.NONE, null, "200", "200", "200", "403", "401", "200", "401", "403", "200", "403", "200"),
            listing("/api/v1/webhooks", Target.WEBHOOK, LISTED, LISTED, ABSENT, "403", "401", ABSENT, "401", "403", LISTED, "403", ABSENT),
            api("POST", "/api/v1/webhooks", Target.NONE, subject -> webhookJson(), "201", "201", "422", "403", "401", "422", "401", "403", "201", "403", "422"),
            api("GET", "/api/v1/webhooks/{id}", Target.WEBHOOK, null, "200", "200", "404", "403", "401", "404", "401", "403", "200", "403", "404"),
            api("PUT", "/api/v1/webhooks/{id}", Target.WEBHOOK, subject -> webhookJson(), "200", "200", "404", "403", "401", "404", "401", "403", "200", "403", "404"),
            api("POST", "/api/v1/webhooks/{id}/disable", Target.WEBHOOK, null, "200", "200", "404", "403", "401", "404", "401", "403", "200", "403", "404"),
            api("POST", "/api/v1/webhooks/{id}/enable", Target.WEBHOOK, null, "200", "200", "404", "403", "401", "404", "401", "403", "200", "403", "404"),
            api("POST", "/api/v1/webhooks/{id}/rotate-secret", Target.WEBHOOK, null, "200", "200", "404", "403", "401", "404", "401", "403", "200", "403", "404"),
            api("POST", "/api/v1/webhooks/{id}/test", Target.WEBHOOK, null, "202", "202", "404", "403", "401", "404", "401", "403", "202", "403", "404"),
            api("POST", "/api/v1/webhooks/{id}/sync", Target.WEBHOOK, null, "202", "202", "404", "403", "401", "404", "401", "403", "202", "403", "404"),
            api("GET", "/api/v1/webhooks/{id}/deliveries", Target.WEBHOOK, null, "200", "200", "404", "403", "401", "404", "401", "403", "200", "403", "404"),
            api("POST", "/api/v1/webhooks/{id}/deliveries/{deliveryId}/resend", Target.WEBHOOK, null,
                    "202", "202", "404", "403", "401", "404", "401", "403", "202", "403", "404"),
            // Issue 20 (S31, S34, S42): the account's Settings area opens for everyone signed in to an account, each seeing the groups
            // they may open (platform/SettingsAreaIntegrationTests lists them per column); other accounts see their own; staff are no
            // customer (403); the deactivated and visitors are sent to sign in.
            page("GET", "/settings", Target.NONE, null, "200", "200", "200", "200", TO_SIGN_IN, "200", TO_SIGN_IN, "403", "200", "200", "200"),
            // Row 16 (issue 20): the billing page and its billing account form are the owner's only; admins, team members,
            // partners and support are refused (403). The route has no id: another account's owner reaches their own page.
            page("GET", "/settings/billing", Target.NONE, null, "200", "403", "403", "403", TO_SIGN_IN, "200", TO_SIGN_IN, "403", "403", "403", "403"),
            page("POST", "/settings/billing/account", Target.NONE, subject -> billingAccountForm(),
                    TO_BILLING, "403", "403", "403", TO_SIGN_IN, TO_BILLING, TO_SIGN_IN, "403", "403", "403", "403"),
            // Row 13: everyone signed in keeps their own settings at /settings/me, read-only partners included (the name, password
            // and sessions are theirs, not the client's); a wrong
            // current password is refused (422); a session is ended by its handle, and another person's handle is unknown (404).
            page("GET", "/settings/me", Target.NONE, null, "200", "200", "200", "200", TO_SIGN_IN, "200", TO_SIGN_IN, "403", "200", "200", "200"),
            page("POST", "/settings/me/name", Target.NONE, subject -> Map.of("name", "Matrix Renamed"),
                    TO_SETTINGS, TO_SETTINGS, TO_SETTINGS, TO_SETTINGS, TO_SIGN_IN, TO_SETTINGS, TO_SIGN_IN, "403", TO_SETTINGS, TO_SETTINGS, TO_SETTINGS),
            page("POST", "/settings/me/password", Target.NONE, subject -> Map.of("currentPassword", "not it", "newPassword", "x"),
                    "422", "422", "422", "422", TO_SIGN_IN, "422", TO_SIGN_IN, "403", "422", "422", "422"),
            page("POST", "/settings/me/sessions/{handle}/sign-out", Target.OWN_SESSION, subject -> Map.of(),
                    TO_SETTINGS, TO_SETTINGS, TO_SETTINGS, TO_SETTINGS, TO_SIGN_IN, TO_SETTINGS, TO_SIGN_IN, "403", TO_SETTINGS, TO_SETTINGS, TO_SETTINGS),
            page("POST", "/settings/me/sessions/{handle}/sign-out", Target.COLLEAGUES_SESSION, subject -> Map.of(),
                    "404", "404", "404", "404", TO_SIGN_IN, "404", TO_SIGN_IN, "403", "404", "404", "404"),
            page("POST", "/settings/me/sessions/sign-out-others", Target.NONE, subject -> Map.of(),
                    TO_SETTINGS, TO_SETTINGS, TO_SETTINGS, TO_SETTINGS, TO_SIGN_IN, TO_SETTINGS, TO_SIGN_IN, "403", TO_SETTINGS, TO_SETTINGS, TO_SETTINGS),
            // Row 13 (issue 19): the keyboard section's form (single-key shortcuts on or off), read-only partners included
            // (their own choice, kept in their own account).
            page("POST", "/settings/me/keyboard", Target.NONE, subject -> Map.of("keyboardShortcuts", "on"),
                    TO_SETTINGS, TO_SETTINGS, TO_SETTINGS, TO_SETTINGS, TO_SIGN_IN, TO_SETTINGS, TO_SIGN_IN, "403",
                    TO_SETTINGS, TO_SETTINGS, TO_SETTINGS),
            // Row 2: the invitation link is the credential; without a valid one nobody gets anywhere.
            page("GET", "/invitations/accept", Target.NONE, null, "410", "410", "410", "410", "410", "410", "410", "410", "410", "410", "410"),
            page("POST", "/invitations/accept", Target.NONE, subject -> Map.of("token", "", "name", "x", "password", PASSWORD),
                    "410", "410", "410", "410", "410", "410", "410", "410", "410", "410", "410"),
            // Row 1 again, last: a visitor who signs up is signed in as the new account's owner from then on.
            page("POST", "/signup", Target.NONE, subject -> signUpForm(),
                    TO_HOME, TO_HOME, TO_HOME, TO_HOME, TO_WELCOME, TO_HOME, TO_WELCOME, TO_CONSOLE, TO_HOME, TO_HOME, TO_HOME));

    @Test
    void everyRouteAnswersEveryActorAsThePermissionMatrixSays() {
        assertThat(discoveredRoutes()).as("routes the handler mapping has under " + PREFIXES
                + "; a new one needs its row in this matrix").isEqualTo(listedRoutes());
        setUpActors();

        List<String> mismatches = new ArrayList<>();
        for (Row row : rows) {
            for (Who who : Who.values()) {
                String expected = row.expected().get(who.ordinal());
                String actual = outcome(who, row);
                if (!expected.equals(actual)) {
                    mismatches.add(row.method() + " " + row.pattern() + " as " + who + ": expected " + expected + ", got " + actual);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /**
     * Row 32 (issue 18, WP1), the Bearer pass: every API and listing row once more with the actor's own personal API
     * token instead of their session, and the same answers, since a token carries exactly its user's rights. The
     * exceptions: the token routes themselves are the session's only (403 for every token), and a deactivated user's
     * token, and the well-formed tokens of nobody that visitors and staff send, get 401.
     */
    @Test
    void everyApiRowAnswersTheActorsTokenAsItAnswersTheirSession() {
        setUpActors();
        Map<Who, String> tokens = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            tokens.put(who, switch (who) {
                case ANONYMOUS, SUPPORT -> "ll_pat_" + com.leadline.platform.SecureTokens.newToken();
                // Made while active and left unrevoked, to show that the per-request check alone refuses it.
                case DEACTIVATED -> storedToken(userIds.get(Who.DEACTIVATED));
                default -> {
                    WebSession.Page made = sessions.get(who).api("POST", "/api/v1/tokens", Map.of("name", "Matrix bearer", "expiresInDays", 7));
                    assertThat(made.status()).as(who + ": " + made.body()).isEqualTo(201);
                    yield WebSession.json(made).get("token").asString();
                }
            });
        }
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows) {
            if (row.kind() != Kind.API && row.kind() != Kind.LISTING) {
                continue;
            }
            for (Who who : Who.values()) {
                // The failures of a cell must not rate-limit the next: each cell starts with fresh counters.
                jdbc.sql("DELETE FROM rate_limit_windows").update();
                String expected = Set.of(Who.DEACTIVATED, Who.ANONYMOUS, Who.SUPPORT).contains(who) ? "401"
                        : row.pattern().startsWith("/api/v1/tokens") ? "403"
                        : row.expected().get(who.ordinal());
                String actual = tokenOutcome(who, row, BearerClient.withToken(port, tokens.get(who)));
                if (!expected.equals(actual)) {
                    mismatches.add(row.method() + " " + row.pattern() + " with " + who + "'s token: expected " + expected + ", got " + actual);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** {@link #outcome} for the Bearer pass: the same target and body, sent by a tool with the token and nothing else. */
    private String tokenOutcome(Who who, Row row, BearerClient tool) {
        Subject subject = subject(row.target(), who);
        String path = subject == null ? row.pattern() : row.pattern().replace("{id}", subject.id().toString()).replace("{agencyId}", subject.id().toString())
                .replace("{reminderId}", subject.id().toString()).replace("{messageId}", subject.id().toString()).replace("{phone}", String.valueOf(subject.phone()).replace("+", "%2B"))
                .replace("{deliveryId}", String.valueOf(subject.deliveryId())).replace("{token}", String.valueOf(subject.email()));
        if (row.kind() == Kind.LISTING) {
            WebSession.Page list = tool.get(path);
            return list.status() != 200 ? String.valueOf(list.status()) : list.body().contains(subject.id().toString()) ? LISTED : ABSENT;
        }
        Object body = row.body() == null ? null : row.body().apply(subject);
        if (body instanceof Upload upload) {
            return String.valueOf(tool.callRaw(row.method(), path, "text/csv", upload.csv().getBytes(java.nio.charset.StandardCharsets.UTF_8)).status());
        }
        return String.valueOf(tool.call(row.method(), path, body).status());
    }

    /** Row 32: a token of this user written straight into their account, and its text. */
    private String storedToken(UUID user) {
        String text = "ll_pat_" + com.leadline.platform.SecureTokens.newToken();
        var db = databaseOwner();
        UUID home = db.sql("SELECT account_id FROM users WHERE id = :u").param("u", user).query(UUID.class).single();
        db.sql("""
                        INSERT INTO api_tokens (account_id, id, user_id, work_account_id, name, token_hash, hint, created_at, expires_at)
                        VALUES (:a, :id, :u, :a, 'Matrix bearer', :h, :hint, :now, :expires)""")
                .param("a", home).param("id", UUID.randomUUID()).param("u", user)
                .param("h", com.leadline.platform.SecureTokens.hash(text)).param("hint", text.substring(7, 11))
                .param("now", Timestamp.from(clock.instant())).param("expires", Timestamp.from(clock.instant().plus(java.time.Duration.ofDays(7))))
                .update();
        return text;
    }

    /** S45, row 12: the routes by which the client once ended an agency's access answer as if they had never existed. */
    @Test
    void theClientSideRoutesThatEndedAnAgencysAccessAreGoneForEveryone() {
        setUpActors();
        Map<Row, Row> goneAndNeverWere = Map.of(
                page("POST", "/team/partners/{agencyId}/revoke", Target.AGENCY, subject -> Map.of()),
                page("POST", "/team/partners/{agencyId}/never-was", Target.AGENCY, subject -> Map.of()),
                api("DELETE", "/api/v1/partners/agencies/{agencyId}", Target.AGENCY, null),
                api("DELETE", "/api/v1/partners/agencies/{agencyId}/never-was", Target.AGENCY, null));
        List<String> mismatches = new ArrayList<>();
        goneAndNeverWere.forEach((gone, neverWas) -> {
            for (Who who : Who.values()) {
                String answer = outcome(who, gone);
                boolean customerInTheAccount = Set.of(Who.OWNER, Who.ADMIN_MEMBER, Who.ADMIN_NON_MEMBER, Who.TEAM_MEMBER,
                        Who.OTHER_ACCOUNT, Who.PARTNER_ADMIN, Who.PARTNER_READ_ONLY, Who.OTHER_PARTNER).contains(who);
                if (customerInTheAccount && !Set.of("404", "405").contains(answer) || !answer.equals(outcome(who, neverWas))) {
                    mismatches.add(gone.method() + " " + gone.pattern() + " as " + who + ": " + answer);
                }
            }
        });
        assertThat(mismatches).isEmpty();
        assertThat(databaseOwner().sql("SELECT count(*) FROM partner_grants WHERE client_account_id = :a")
                .param("a", account.id()).query(Integer.class).single()).as("every agency made for a cell still has access")
                .isEqualTo(2 + 4 * Who.values().length);
    }

    /**
     * Row 12 (S45): partner users show on the client's Team page, but no one on the client's side, owner
     * and admins included, edits, deactivates or removes one, by any route that acts on a user.
     */
    @Test
    void row12NoOneOnTheClientSideEditsDeactivatesOrRemovesAPartnerUser() {
        setUpActors();
        WebSession partner = fixture.partnerWorkingIn(account.id(), "admin");
        JsonNode me = WebSession.json(partner.api("GET", "/api/v1/session", null));
        String id = me.get("userId").asString();
        String email = databaseOwner().sql("SELECT email FROM users WHERE id = :u").param("u", UUID.fromString(id))
                .query(String.class).single();
        Map<String, Object> edit = new LinkedHashMap<>(Map.of("name", "Taken Over", "email", email, "role", "member"));
        Map<String, Object> editJson = new LinkedHashMap<>(edit);
        editJson.put("profileIds", List.of());
        List<Row> onThePartner = List.of(
                page("GET", "/team/members/" + id + "/edit", Target.NONE, null),
                page("POST", "/team/members/" + id, Target.NONE, subject -> edit),
                page("POST", "/team/members/" + id + "/resend", Target.NONE, subject -> Map.of()),
                page("POST", "/team/members/" + id + "/cancel", Target.NONE, subject -> Map.of()),
                page("GET", "/team/members/" + id + "/deactivate", Target.NONE, null),
                page("POST", "/team/members/" + id + "/deactivate", Target.NONE, subject -> Map.of("handover", "unassigned")),
                api("PUT", "/api/v1/team/members/" + id, Target.NONE, subject -> editJson),
                api("POST", "/api/v1/team/members/" + id + "/invitation/resend", Target.NONE, null),
                api("DELETE", "/api/v1/team/members/" + id + "/invitation", Target.NONE, null),
                api("GET", "/api/v1/team/members/" + id + "/deactivation", Target.NONE, null),
                api("POST", "/api/v1/team/members/" + id + "/deactivation", Target.NONE, subject -> Map.of()));
        List<String> allowed = new ArrayList<>();
        for (Row row : onThePartner) {
            for (Who who : Who.values()) {
                String answer = outcome(who, row);
                boolean refused = Set.of("401", "403", "404", "405").contains(answer) || answer.startsWith("302>/signin")
                        || answer.startsWith("302>/support/signin");
                if (!refused) {
                    allowed.add(row.method() + " " + row.pattern() + " as " + who + ": " + answer);
                }
            }
        }
        assertThat(allowed).isEmpty();
        for (Who clientSide : List.of(Who.OWNER, Who.ADMIN_MEMBER)) {
            assertThat(outcome(clientSide, onThePartner.get(0))).as("the client sees the partner but may not edit them").isEqualTo("403");
            assertThat(outcome(clientSide, onThePartner.get(5))).as("nor deactivate them").isEqualTo("403");
        }
        assertThat(databaseOwner().sql("SELECT status || ' ' || name FROM users WHERE id = :u").param("u", UUID.fromString(id))
                .query(String.class).single()).isEqualTo("active Pat Partner");
        assertThat(partner.get("/team").status()).as("still at work in the account").isEqualTo(200);
    }

    private Set<String> discoveredRoutes() {
        Set<String> routes = new TreeSet<>();
        handlerMapping.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
            if (PREFIXES.stream().anyMatch(pattern::startsWith)) {
                Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(Collectors.toSet());
                (methods.isEmpty() ? Set.of("ANY") : methods).forEach(method -> routes.add(method + " " + pattern));
            }
        }));
        return routes;
    }

    private Set<String> listedRoutes() {
        return rows.stream().map(row -> row.method() + " " + row.pattern().replaceFirst("\\?.*", ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private void setUpActors() {
        fixture = new TeamFixture(port, databaseOwner());
        account = fixture.openAccount("Matrix Motors");
        otherProfile = fixture.addProfile(account, "Matrix Motors East");
        TeamFixture.Member owner = account.owner();
        sessions.put(Who.OWNER, owner.session());
        userIds.put(Who.OWNER, owner.id());
        for (Who who : List.of(Who.ADMIN_MEMBER, Who.ADMIN_NON_MEMBER, Who.TEAM_MEMBER)) {
            TeamFixture.Member member = fixture.join(owner, who == Who.TEAM_MEMBER ? "member" : "admin",
                    who == Who.ADMIN_NON_MEMBER ? otherProfile : account.firstProfileId());
            sessions.put(who, member.session());
            userIds.put(who, member.id());
        }
        TeamFixture.Member deactivated = fixture.join(owner, "member", account.firstProfileId());
        assertThat(owner.session().api("POST", "/api/v1/team/members/" + deactivated.id() + "/deactivation", null).status())
                .isEqualTo(204);
        assertThat(databaseOwner().sql("SELECT count(*) FROM spring_session WHERE session_id = :s")
                .param("s", deactivated.session().sessionId().orElseThrow()).query(Integer.class).single()).isZero();
        sessions.put(Who.DEACTIVATED, deactivated.session());
        userIds.put(Who.DEACTIVATED, deactivated.id());
        colleague = fixture.join(owner, "member", account.firstProfileId()).id();
        sessions.put(Who.OTHER_ACCOUNT, fixture.openAccount("Elsewhere Estates").owner().session());
        sessions.put(Who.ANONYMOUS, visitor());
        sessions.put(Who.PARTNER_ADMIN, fixture.partnerWorkingIn(account.id(), "admin"));
        sessions.put(Who.PARTNER_READ_ONLY, fixture.partnerWorkingIn(account.id(), "read_only"));
        for (Who partner : List.of(Who.PARTNER_ADMIN, Who.PARTNER_READ_ONLY)) {
            userIds.put(partner, UUID.fromString(WebSession.json(sessions.get(partner).api("GET", "/api/v1/session", null))
                    .get("userId").asString()));
        }
        TeamFixture.Account elsewhere = fixture.openAccount("Elsewhere Plumbing");
        sessions.put(Who.OTHER_PARTNER, fixture.partnerWorkingIn(elsewhere.id(), "admin"));
        WebSession staff = visitor();
        assertThat(com.leadline.testing.StaffSignIn.signIn(staff, databaseOwner(), clock).location()).endsWith("/support");
        sessions.put(Who.SUPPORT, staff);
        openTheWidget(owner);
    }

    private void openTheWidget(TeamFixture.Member owner) {
        String leadbox = "/api/v1/profiles/" + account.firstProfileId() + "/leadbox";
        Map<String, Object> settings = new java.util.HashMap<>(leadboxJson());
        settings.put("allowedOrigins", List.of(WIDGET_SITE));
        assertThat(owner.session().api("PUT", leadbox, settings).status()).isEqualTo(200);
        String embedCode = WebSession.json(owner.session().api("GET", leadbox, null)).get("embedCode").asString();
        widgetKey = embedCode.replaceAll(".*data-leadbox=\"([^\"]+)\".*", "$1");
        WebSession.Page token = visitor().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/widget/v1/" + widgetKey
                + "/form-token")).header("Origin", WIDGET_SITE).GET());
        widgetFormToken = WebSession.json(token).get("formToken").asString();
        clock.advance(java.time.Duration.ofSeconds(5));
    }

    private String widgetOutcome(WebSession session, Row row, String path) {
        // The matrix sends every cell from one address: each gets the per-client limit afresh.
        jdbc.sql("DELETE FROM rate_limit_windows").update();
        String idempotencyKey = UUID.randomUUID().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Origin", WIDGET_SITE);
        if (row.method().equals("POST")) {
            String form = WebSession.JSON.writeValueAsString(Map.of("name", "Matrix Lead", "phone", TeamFixture.uniquePhoneNumber(),
                    "message", "Do you have the blue one?", "pageUrl", WIDGET_SITE + "/cars", "formToken", widgetFormToken,
                    "website", "", "idempotencyKey", idempotencyKey));
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(form));
        }
        int status = session.send(request).status();
        if (!row.method().equals("POST") || status != 201) {
            return String.valueOf(status);
        }
        boolean filed = databaseOwner().sql("SELECT count(*) FROM messages WHERE account_id = :a AND provider_message_id = :id")
                .param("a", account.id()).param("id", "leadbox:" + idempotencyKey).query(Integer.class).single() == 1;
        return filed ? FILED : "201 dropped";
    }

    private String outcome(Who who, Row row) {
        WebSession session = sessions.get(who);
        Subject subject = subject(row.target(), who);
        String path = subject == null ? row.pattern() : row.pattern().replace("{id}", subject.id().toString())
                .replace("{handle}", subject.id().toString()).replace("{agencyId}", subject.id().toString())
                .replace("{reminderId}", subject.id().toString()).replace("{messageId}", subject.id().toString()).replace("{phone}", String.valueOf(subject.phone()).replace("+", "%2B"))
                .replace("{deliveryId}", String.valueOf(subject.deliveryId())).replace("{token}", String.valueOf(subject.email()));
        Object body = row.body() == null ? null : row.body().apply(subject);
        if (!row.method().equals("GET") && row.kind() != Kind.API) {
            // Hold a current CSRF token, as a browser that opened a page would: the matrix tests authorization, not CSRF.
            // (An API call fetches its own, as the pages' script does.) A signed-in user's is read from the cheap
            // session JSON rather than a whole page.
            switch (who) {
                case DEACTIVATED, ANONYMOUS -> session.get("/signin");
                case SUPPORT -> session.get("/support");
                default -> session.holdCsrfTokenOfSession();
            }
        }
        if (row.kind() == Kind.STREAM) {
            return session.statusOf(path);
        }
        if (row.kind() == Kind.WIDGET) {
            return widgetOutcome(session, row, path.replace("{key}", widgetKey));
        }
        if (row.kind() == Kind.LISTING) {
            WebSession.Page list = session.api("GET", path, null);
            return list.status() != 200 ? String.valueOf(list.status()) : list.body().contains(subject.id().toString()) ? LISTED : ABSENT;
        }
        WebSession.Page answer;
        if (body instanceof Upload upload) {
            byte[] csv = upload.csv().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            answer = row.kind() == Kind.API ? session.apiRaw(row.method(), path, "text/csv", csv)
                    : session.upload(path, "file", "matrix.csv", "text/csv", csv);
        } else if (row.kind() == Kind.API) {
            answer = session.api(row.method(), path, body);
        } else if (row.method().equals("GET")) {
            answer = session.get(path);
        } else {
            @SuppressWarnings("unchecked")
            Map<String, String> form = body == null ? Map.of() : (Map<String, String>) body;
            answer = session.post(path, form);
        }
        if (answer.status() / 100 == 3) {
            String to = URI.create(answer.location()).getPath();
            // Something made by the request (a new endpoint) is named by an id of its own: {new} here.
            return answer.status() + ">" + (subject == null ? to.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{new}")
                    : to.replace(subject.id().toString(), "{id}"));
        }
        return String.valueOf(answer.status());
    }

    /** A user of the main account, member of its first profile, in the state the route needs. */
    private Subject subject(Target target, Who who) {
        if (target == Target.NONE) {
            return null;
        }
        if (target == Target.OWN_TOKEN || target == Target.COLLEAGUES_TOKEN) {
            return apiToken(target == Target.OWN_TOKEN ? tokenUserOf(who) : colleague);
        }
        if (target == Target.OWN_SESSION || target == Target.COLLEAGUES_SESSION) {
            return signedInSession(target == Target.COLLEAGUES_SESSION ? colleague
                    : who == Who.DEACTIVATED ? userIds.get(Who.OWNER) : tokenUserOf(who));
        }
        UUID id = UUID.randomUUID();
        String email = TeamFixture.unique(target.name().toLowerCase());
        Timestamp now = Timestamp.from(Instant.now());
        var db = databaseOwner();
        if (target == Target.CONVERSATION || target == Target.CLOSED_CONVERSATION || target == Target.REMINDER || target == Target.FAILED_TEXT
                || target == Target.MY_CONVERSATION || target == Target.COLLEAGUES_CONVERSATION || target == Target.DEACTIVATEDS_CONVERSATION) {
            UUID contact = UUID.randomUUID();
            // Unique in the run (a random one could repeat within the profile, which allows one contact per number).
            String phone = TeamFixture.uniquePhoneNumber();
            db.sql("INSERT INTO contacts (id, account_id, profile_id, phone, created_at) VALUES (:id, :a, :p, :phone, :now)")
                    .param("id", contact).param("a", account.id()).param("p", account.firstProfileId())
                    .param("phone", phone).param("now", now).update();
            boolean closed = target == Target.CLOSED_CONVERSATION;
            UUID assignee = switch (target) {
                case MY_CONVERSATION -> userIds.getOrDefault(who, colleague);
                case COLLEAGUES_CONVERSATION -> colleague;
                case DEACTIVATEDS_CONVERSATION -> userIds.get(Who.DEACTIVATED);
                default -> null;
            };
            // As the application writes it: the conversation carries its contact's phone.
            db.sql("""
                            INSERT INTO conversations (id, account_id, profile_id, contact_id, contact_phone, state, outcome,
                                                       assignee_id, last_activity_at, created_at)
                            VALUES (:id, :a, :p, :k, :phone, :state, :outcome, :assignee, :now, :now)""")
                    .param("id", id).param("a", account.id()).param("p", account.firstProfileId()).param("k", contact)
                    .param("phone", phone)
                    .param("state", closed ? "closed" : assignee != null ? "open" : "new")
                    .param("outcome", closed ? "lost" : null, java.sql.Types.VARCHAR)
                    .param("assignee", assignee, java.sql.Types.OTHER)
                    .param("now", now).update();
            if (target == Target.REMINDER) {
                db.sql("""
                                INSERT INTO reminders (id, account_id, conversation_id, due_at, set_by, created_at)
                                VALUES (:id, :a, :id, :due, :by, :now)""")
                        .param("id", id).param("a", account.id()).param("due", Timestamp.from(Instant.now().plusSeconds(86_400)))
                        .param("by", account.owner().id()).param("now", now).update();
            }
            if (target == Target.FAILED_TEXT) {
                db.sql("""
                                INSERT INTO messages (id, account_id, conversation_id, kind, author_id, body, created_at)
                                VALUES (:id, :a, :id, 'outbound', :by, 'See you at 9', :now)""")
                        .param("id", id).param("a", account.id()).param("by", account.owner().id()).param("now", now).update();
                db.sql("""
                                INSERT INTO text_outbox (account_id, message_id, profile_id, to_phone, body, status, attempts, next_attempt_at,
                                                         created_at, last_error, error_code)
                                VALUES (:a, :id, :p, :phone, 'See you at 9', 'failed', 1, :now, :now, 'This is not a valid phone number.', '21211')""")
                        .param("id", id).param("a", account.id()).param("p", account.firstProfileId()).param("phone", phone)
                        .param("now", now).update();
            }
            return new Subject(id, null, phone);
        }
        if (target.name().startsWith("AUDIT_")) {
            boolean aboutTheProfile = target == Target.AUDIT_PROFILE_ENTRY || target == Target.AUDIT_BILLING_ENTRY;
            db.sql("""
                            INSERT INTO audit_log (account_id, occurred_at, action, outcome, actor_user_id, target_type, target_id, profile_id)
                            VALUES (:a, :at, :action, 'success', :actor, :type, :target, :profile)""")
                    .param("a", account.id()).param("at", Timestamp.from(clock.instant()))
                    .param("action", switch (target) {
                        case AUDIT_PROFILE_ENTRY -> "profile.edited";
                        case AUDIT_BILLING_ENTRY -> "profile.plan_changed";
                        case AUDIT_SIGN_IN_ENTRY -> "sign_in";
                        default -> "user.edited";
                    })
                    .param("actor", account.owner().id()).param("type", aboutTheProfile ? "profile" : "user").param("target", id.toString())
                    .param("profile", aboutTheProfile ? account.firstProfileId() : null, java.sql.Types.OTHER).update();
            return new Subject(id, null);
        }
        if (target == Target.WEBHOOK) {
            return webhook(id, now);
        }
        if (target == Target.UNSUBSCRIBE_TOKEN) {
            String token = com.leadline.platform.SecureTokens.newToken();
            db.sql("""
                            INSERT INTO notification_unsubscribe_tokens (account_id, token_hash, user_id, kind, created_at)
                            VALUES (:a, :h, :u, 'assignment', :now)""")
                    .param("a", account.id()).param("h", com.leadline.platform.SecureTokens.hash(token)).param("u", colleague)
                    .param("now", now).update();
            return new Subject(colleague, token);
        }
        if (target == Target.CONTACT_IMPORT || target == Target.OWN_CONTACT_IMPORT) {
            boolean done = target == Target.CONTACT_IMPORT;
            UUID uploader = done ? account.owner().id() : userIds.getOrDefault(who, account.owner().id());
            db.sql("""
                            INSERT INTO contact_imports (account_id, id, uploaded_by, file_name, content, header, total_rows, status, profile_id,
                                                         started_by, phone_column, name_column, processed, failed, created_at, started_at,
                                                         finished_at)
                            VALUES (:a, :id, :by, 'matrix.csv', :content, ARRAY['Name', 'Phone'], 1, :status, :p, :started, :phone, :name,
                                    :processed, :processed, :now, :startedAt, :finished)""")
                    .param("a", account.id()).param("id", id).param("by", uploader).param("content", done ? "" : matrixCsv())
                    .param("status", done ? "done" : "uploaded").param("p", done ? account.firstProfileId() : null, java.sql.Types.OTHER)
                    .param("started", done ? uploader : null, java.sql.Types.OTHER).param("phone", done ? 1 : null, java.sql.Types.INTEGER)
                    .param("name", done ? 0 : null, java.sql.Types.INTEGER).param("processed", done ? 1 : 0).param("now", now)
                    .param("startedAt", done ? now : null, java.sql.Types.TIMESTAMP).param("finished", done ? now : null, java.sql.Types.TIMESTAMP)
                    .update();
            if (done) {
                db.sql("""
                                INSERT INTO contact_import_errors (account_id, import_id, row_number, field, message, value)
                                VALUES (:a, :id, 2, 'phone', 'The phone number is missing.', '')""")
                        .param("a", account.id()).param("id", id).update();
            }
            return new Subject(id, null);
        }
        if (target == Target.CONTACT) {
            db.sql("INSERT INTO contacts (id, account_id, profile_id, name, created_at) VALUES (:id, :a, :p, 'Target Contact', :now)")
                    .param("id", id).param("a", account.id()).param("p", account.firstProfileId()).param("now", now).update();
            return new Subject(id, null);
        }
        if (target == Target.SHORTCUT) {
            db.sql("""
                            INSERT INTO shortcuts (id, account_id, profile_id, name, body, created_at)
                            VALUES (:id, :a, :p, :name, 'We open at nine.', :now)""")
                    .param("id", id).param("a", account.id()).param("p", account.firstProfileId())
                    .param("name", "t" + id.toString().substring(0, 8)).param("now", now).update();
            return new Subject(id, null);
        }
        if (target == Target.AGENCY) {
            db.sql("INSERT INTO accounts (id, name, kind, created_at) VALUES (:id, 'Target Agency', 'agency', :now)")
                    .param("id", id).param("now", now).update();
            db.sql("""
                            INSERT INTO partner_grants (client_account_id, agency_account_id, level, granted_at)
                            VALUES (:client, :agency, 'admin', :now)""")
                    .param("client", account.id()).param("agency", id).param("now", now).update();
            return new Subject(id, null);
        }
        if (target == Target.PROFILE || target == Target.ARCHIVED_PROFILE) {
            db.sql("INSERT INTO profiles (id, account_id, name, timezone, created_at, archived_at) VALUES (:id, :a, 'Target Profile', 'UTC', :now, :archived)")
                    .param("id", id).param("a", account.id()).param("now", now)
                    .param("archived", target == Target.ARCHIVED_PROFILE ? now : null, java.sql.Types.TIMESTAMP).update();
            for (Who member : List.of(Who.ADMIN_MEMBER, Who.TEAM_MEMBER)) {
                db.sql("INSERT INTO profile_memberships (account_id, profile_id, user_id, created_at) VALUES (:a, :p, :u, :now)")
                        .param("a", account.id()).param("p", id).param("u", userIds.get(member)).param("now", now).update();
            }
            return new Subject(id, null);
        }
        db.sql("""
                        INSERT INTO users (id, account_id, email, name, password_hash, status, created_at)
                        VALUES (:id, :a, :e, 'Subject Person', :hash, :status, :now)""")
                .param("id", id).param("a", account.id()).param("e", email)
                .param("hash", target == Target.INVITEE ? null : "not-a-usable-hash", java.sql.Types.VARCHAR)
                .param("status", switch (target) {
                    case ACTIVE -> "active";
                    case INVITEE -> "invited";
                    default -> "deactivated";
                }).param("now", now).update();
        db.sql("INSERT INTO account_members (account_id, user_id, role, created_at) VALUES (:a, :u, 'member', :now)")
                .param("a", account.id()).param("u", id).param("now", now).update();
        db.sql("INSERT INTO profile_memberships (account_id, profile_id, user_id, created_at) VALUES (:a, :p, :u, :now)")
                .param("a", account.id()).param("p", account.firstProfileId()).param("u", id).param("now", now).update();
        if (target == Target.DEACTIVATED_HOLDER) {
            UUID contact = UUID.randomUUID();
            db.sql("INSERT INTO contacts (id, account_id, profile_id, name, created_at) VALUES (:id, :a, :p, 'Held Contact', :now)")
                    .param("id", contact).param("a", account.id()).param("p", account.firstProfileId()).param("now", now).update();
            db.sql("""
                            INSERT INTO conversations (id, account_id, profile_id, contact_id, assignee_id, state, last_activity_at, created_at)
                            VALUES (:c, :a, :p, :k, :u, 'open', :now, :now)""")
                    .param("c", UUID.randomUUID()).param("a", account.id()).param("p", account.firstProfileId()).param("k", contact)
                    .param("u", id).param("now", now).update();
        }
        if (target == Target.INVITEE) {
            byte[] hash = new byte[32];
            new java.security.SecureRandom().nextBytes(hash);
            db.sql("""
                            INSERT INTO invitations (id, account_id, user_id, email, token_hash, invited_by, created_at, sent_at, expires_at)
                            VALUES (:id, :a, :u, :e, :h, :by, :now, :now, :expires)""")
                    .param("id", UUID.randomUUID()).param("a", account.id()).param("u", id).param("e", email).param("h", hash)
                    .param("by", account.owner().id()).param("now", now)
                    .param("expires", Timestamp.from(Instant.now().plusSeconds(72 * 3600))).update();
        }
        return new Subject(id, email);
    }

    /** Row 32: the acting user's id (read from their session when the set-up kept none), or the owner's for actors without one. */
    private UUID tokenUserOf(Who who) {
        if (who == Who.ANONYMOUS || who == Who.SUPPORT) {
            return userIds.get(Who.OWNER);
        }
        return userIds.containsKey(who) ? userIds.get(who) : tokenUsers.computeIfAbsent(who, signedIn -> UUID.fromString(
                WebSession.json(sessions.get(signedIn).api("GET", "/api/v1/session", null)).get("userId").asString()));
    }

    /**
     * Row 13: a new signed-in session of this user (every user here has the tests' password), as another browser would have
     * it; its handle, read from the "This session" row of its own settings page.
     */
    private Subject signedInSession(UUID user) {
        String email = databaseOwner().sql("SELECT email FROM users WHERE id = :u").param("u", user).query(String.class).single();
        jdbc.sql("DELETE FROM rate_limit_windows").update();
        WebSession other = visitor();
        assertThat(other.signIn(email, PASSWORD).status()).isEqualTo(302);
        String handle = other.get("/settings/me").document().select("li.session.current").attr("data-session-handle");
        return new Subject(UUID.fromString(handle), email);
    }

    /** Row 32: a live API token of this user, in their own account (a partner's agency) and working there; its id. */
    private Subject apiToken(UUID user) {
        UUID id = UUID.randomUUID();
        byte[] hash = new byte[32];
        new java.security.SecureRandom().nextBytes(hash);
        var db = databaseOwner();
        UUID home = db.sql("SELECT account_id FROM users WHERE id = :u").param("u", user).query(UUID.class).single();
        db.sql("""
                        INSERT INTO api_tokens (account_id, id, user_id, work_account_id, name, token_hash, hint, created_at, expires_at)
                        VALUES (:a, :id, :u, :a, 'Matrix token', :h, 'Mtrx', :now, :expires)""")
                .param("a", home).param("id", id).param("u", user).param("h", hash)
                .param("now", Timestamp.from(clock.instant())).param("expires", Timestamp.from(clock.instant().plus(java.time.Duration.ofDays(30))))
                .update();
        return new Subject(id, null);
    }

    /** Row 20: an endpoint of the first profile, as the API makes them, with one delivered event in its log. */
    private Subject webhook(UUID id, Timestamp now) {
        var db = databaseOwner();
        db.sql("""
                        INSERT INTO webhook_endpoints (account_id, id, url, all_profiles, profile_ids, event_types, secret, created_by, created_at)
                        VALUES (:a, :id, 'http://127.0.0.1:9/matrix', false, ARRAY[CAST(:p AS uuid)], ARRAY['lead.created'],
                                'whsec_bWF0cml4IG1hdHJpeCBtYXRyaXggbWF0cml4IG1hdHJpeA==', :by, :now)""")
                .param("a", account.id()).param("id", id).param("p", account.firstProfileId()).param("by", account.owner().id())
                .param("now", now).update();
        long delivery = db.sql("""
                        INSERT INTO webhook_deliveries (account_id, endpoint_id, message_id, event_type, payload, status, attempts,
                                                        next_attempt_at, created_at, finished_at)
                        VALUES (:a, :id, :m, 'lead.created', '{}', 'delivered', 1, :now, :now, :now) RETURNING id""")
                .param("a", account.id()).param("id", id).param("m", "msg_" + id.toString().replace("-", ""))
                .param("now", now).query(Long.class).single();
        return new Subject(id, null, null, delivery);
    }

    private Map<String, Object> webhookJson() {
        return Map.of("url", "http://127.0.0.1:9/matrix", "description", "Matrix CRM", "allProfiles", false,
                "profileIds", List.of(account.firstProfileId().toString()), "events", List.of("lead.created"));
    }

    /** A valid billing account (row 16): whoever may save it saves their own account's. */
    private static Map<String, String> billingAccountForm() {
        return Map.of("companyName", "Matrix Billing Ltd", "billingEmail", "billing@matrix.example", "addressLine1", "1 Matrix Way",
                "city", "Springfield", "postalCode", "12345", "country", "US", "taxId", "");
    }

    private Map<String, String> webhookForm() {
        return Map.of("url", "http://127.0.0.1:9/matrix", "description", "Matrix CRM", "profileIds", account.firstProfileId().toString(),
                "events", "lead.created");
    }

    /** A contacts file of one row, with a number of its own so that imports of different cells never meet. */
    private static String matrixCsv() {
        return "Name,Phone\nMatrix Import," + TeamFixture.uniquePhoneNumber() + "\n";
    }

    private Map<String, String> importStartForm(Subject subject) {
        return Map.of("profileId", account.firstProfileId().toString(), "phone", "1", "name", "0");
    }

    private Map<String, Object> importStartJson(Subject subject) {
        return Map.of("profileId", account.firstProfileId().toString(), "mapping", Map.of("phone", 1, "name", 0));
    }

    private Map<String, String> inviteToAllProfiles() {
        return Map.of("name", "New Person", "email", TeamFixture.unique("new"), "role", "member", "profile", "all");
    }

    private static Map<String, String> signUpForm() {
        return Map.of("businessName", "Matrix Signups", "yourName", "Sid Signup", "email", TeamFixture.unique("signup"),
                "password", PASSWORD, "timezone", "Europe/Berlin");
    }

    private Map<String, String> sharedShortcutForm() {
        return Map.of("scope", account.firstProfileId().toString(), "name", "s" + UUID.randomUUID().toString().substring(0, 8), "body", "Hi");
    }

    private Map<String, String> sharedShortcutJson() {
        return Map.of("profileId", account.firstProfileId().toString(), "name", "s" + UUID.randomUUID().toString().substring(0, 8), "body", "Hi");
    }

    private Map<String, String> inviteForm() {
        return Map.of("name", "New Person", "email", TeamFixture.unique("new"), "role", "member",
                "profile", account.firstProfileId().toString());
    }

    /** A new name and a phone number of the target's own, so no cell collides with another's. */
    private static Map<String, String> contactEdit(Subject subject) {
        return Map.of("name", "Renamed Contact", "phone", "+1777" + (1000000 + Math.floorMod(subject.id().hashCode(), 8999999)),
                "email", "renamed@example.com", "notes", "Prefers mornings.");
    }

    private static Map<String, String> profileForm() {
        return Map.of("name", "Matrix Profile", "timezone", "Europe/Berlin", "showInLeadbox", "on");
    }

    /** Country, help text and a sending number of the target profile's own (the number registry is global). */
    private static Map<String, String> textingForm(Subject subject) {
        return Map.of("country", "CA", "phoneNumber", "+1 778 " + (2000000 + Math.floorMod(subject.id().hashCode(), 7999999)),
                "helpText", "Matrix help.");
    }

    private static Map<String, String> autoRepliesForm() {
        return Map.of("newLeadEnabled", "on", "newLeadText", "Thanks, {first_name}!", "afterHoursText", "We're closed.");
    }

    private static Map<String, Object> autoRepliesJson() {
        return Map.of("newLeadEnabled", true, "newLeadText", "Thanks, {first_name}!", "afterHoursEnabled", false,
                "afterHoursText", "We're closed.");
    }

    private static Map<String, String> leadboxForm() {
        return Map.of("enabled", "on", "buttonText", "Text us", "colour", "#b8480c", "greeting", "Hi!", "offersText", "on",
                "consent", "You agree to texts.", "allowedOrigins", "https://matrix.example");
    }

    private static Map<String, Object> leadboxJson() {
        return Map.of("enabled", true, "buttonText", "Text us", "colour", "#b8480c", "greeting", "Hi!", "offersText", true,
                "offersCall", false, "consent", "You agree to texts.", "allowedOrigins", List.of("https://matrix.example"));
    }

    private static Map<String, Object> profileJson() {
        return Map.of("name", "Matrix Profile", "timezone", "Europe/Berlin", "showInLeadbox", true);
    }

    private static Map<String, String> editForm(Subject subject) {
        return Map.of("name", "Renamed Person", "email", subject.email(), "role", "member");
    }

    private static Map<String, Object> editJson(Subject subject) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Renamed Person");
        body.put("email", subject.email());
        body.put("role", "member");
        body.put("profileIds", List.of());
        return body;
    }

    private static Row page(String method, String pattern, Target target, Function<Subject, Object> body, String... expected) {
        return new Row(method, pattern, Kind.PAGE, target, body, List.of(expected));
    }

    private static Row api(String method, String pattern, Target target, Function<Subject, Object> body, String... expected) {
        return new Row(method, pattern, Kind.API, target, body, List.of(expected));
    }

    private static Row widget(String method, String path, String... expected) {
        return new Row(method, path, Kind.WIDGET, Target.NONE, null, List.of(expected));
    }

    private static Row listing(String path, Target target, String... expected) {
        return new Row("GET", path, Kind.LISTING, target, null, List.of(expected));
    }
}
