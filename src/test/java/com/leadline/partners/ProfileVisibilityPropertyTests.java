package com.leadline.partners;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.identity.Passwords;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.Seeded;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Seeded random accounts, profiles (some archived), memberships and partner grants. For every actor,
 * the profiles they can see are exactly PRODUCT.md section 2's: the owner and partner users all of
 * the account's, admins and team members their member profiles in use. And a read-only partner's
 * every non-GET request, on every route the application has, is refused and changes nothing.
 * The seed is printed on failure; -Dleadline.seed=N replays it.
 */
class ProfileVisibilityPropertyTests extends IntegrationTest {

    /**
     * Each person's own: their session and place, the public flows, their API tokens (row 32, in their own account), and
     * their own settings (row 13: name, password, sessions and every section of /settings/me, OWN_SETTINGS).
     */
    private static final Set<String> PERSONAL_ROUTES = Set.of("/signout", "/partners/act",
            "/profiles/current", "/signin", "/signup", "/partners/signup", "/invitations/accept", "/password/forgot",
            "/password/reset", "/api/v1/tokens", "/api/v1/tokens/{id}",
            // The one-click unsubscribe (issue 19), whose token is its credential.
            "/notifications/unsubscribe");
    private static final String OWN_SETTINGS = "/settings/me/";

    @Autowired
    private Passwords passwords;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlerMapping;

    private record Person(UUID id, String role, WebSession session, Set<UUID> memberOf) {
    }

    @Test
    void everyActorSeesExactlyTheProfilesTheRulesGiveThem() {
        Seeded.check("Profile visibility", Seeded.seed(), this::check);
    }

    private void check(Random random) {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        String hash = passwords.hash(PASSWORD);
        List<WebSession> agencies = new ArrayList<>();
        List<UUID> agencyIds = new ArrayList<>();
        for (int a = 0; a < 2; a++) {
            WebSession agency = visitor();
            agency.get("/partners/signup");
            agency.post("/partners/signup", Map.of("businessName", "Random Agency " + a, "yourName", "Ari Agent",
                    "email", TeamFixture.unique("agency"), "password", PASSWORD));
            agencies.add(agency);
            agencyIds.add(UUID.fromString(WebSession.json(agency.api("GET", "/api/v1/session", null)).get("accountId").asString()));
        }
        for (int n = 0; n < 2; n++) {
            TeamFixture.Account account = fixture.openAccount("Random Business " + n);
            List<UUID> profiles = new ArrayList<>(List.of(account.firstProfileId()));
            for (int p = random.nextInt(4); p > 0; p--) {
                profiles.add(fixture.addProfile(account, "Location " + p));
            }
            Set<UUID> archived = new HashSet<>();
            for (UUID profile : profiles.subList(1, profiles.size())) {
                if (random.nextInt(4) == 0) {
                    databaseOwner().sql("UPDATE profiles SET archived_at = now() WHERE id = :p").param("p", profile).update();
                    archived.add(profile);
                }
            }
            List<Person> people = new ArrayList<>();
            people.add(new Person(account.owner().id(), "owner", account.owner().session(), Set.of()));
            for (int u = 1 + random.nextInt(4); u > 0; u--) {
                String role = random.nextBoolean() ? "admin" : "member";
                Set<UUID> memberOf = profiles.stream().filter(p -> random.nextBoolean()).collect(Collectors.toSet());
                people.add(person(account.id(), role, memberOf, hash));
            }
            Map<Integer, String> grants = new HashMap<>();
            for (int a = 0; a < agencies.size(); a++) {
                // The first account always has a read-only agency, so the refusal check runs on every seed.
                String level = n == 0 && a == 1 ? "read_only" : List.of("none", "admin", "read_only").get(random.nextInt(3));
                grants.put(a, level);
                if (!level.equals("none")) {
                    databaseOwner().sql("""
                                    INSERT INTO partner_grants (client_account_id, agency_account_id, level, granted_at)
                                    VALUES (:c, :a, :level, now())""")
                            .param("c", account.id()).param("a", agencyIds.get(a)).param("level", level).update();
                    WebSession partner = agencies.get(a);
                    partner.get("/partners");
                    assertThat(partner.post("/partners/act", Map.of("account", account.id().toString())).status()).isEqualTo(302);
                    people.add(new Person(agencyIds.get(a), "partner_" + level, partner, Set.of()));
                }
            }

            for (Person person : people) {
                Set<UUID> expected = switch (person.role()) {
                    case "owner", "partner_admin", "partner_read_only" -> new TreeSet<>(profiles);
                    default -> person.memberOf().stream().filter(p -> !archived.contains(p)).collect(Collectors.toCollection(TreeSet::new));
                };
                Set<UUID> listed = WebSession.json(person.session().api("GET", "/api/v1/profiles", null)).values().stream()
                        .map(profile -> UUID.fromString(profile.get("id").asString())).collect(Collectors.toCollection(TreeSet::new));
                assertThat(listed).as("%s's profiles (archived: %s)", person.role(), archived).isEqualTo(expected);
                for (UUID profile : profiles) {
                    assertThat(person.session().api("GET", "/api/v1/profiles/" + profile, null).status())
                            .as("%s reading %s", person.role(), profile).isEqualTo(expected.contains(profile) ? 200 : 404);
                }
                if (person.role().equals("partner_read_only")) {
                    everyChangeIsRefused(person.session(), account, profiles.get(0), people.get(people.size() > 1 ? 1 : 0).id());
                }
            }
            // Partners leave this account before the next one: the same agency may work in both.
            for (WebSession agency : agencies) {
                agency.get("/partners");
            }
            for (int a = 0; a < agencies.size(); a++) {
                agencies.get(a).get("/team");
                agencies.get(a).post("/partners/act", Map.of("account", agencyIds.get(a).toString()));
            }
        }
    }

    private Person person(UUID accountId, String role, Set<UUID> memberOf, String hash) {
        TeamFixture.Member member = new TeamFixture(port, databaseOwner()).signedInMember(accountId, role, memberOf, hash);
        return new Person(member.id(), role, member.session(), memberOf);
    }

    /** Every non-GET route the application has, with this account's ids in its path: refused, nothing changed. */
    private void everyChangeIsRefused(WebSession partner, TeamFixture.Account account, UUID profile, UUID someone) {
        String before = snapshot(account.id());
        List<String> accepted = new ArrayList<>();
        handlerMapping.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
            info.getMethodsCondition().getMethods().stream().map(Enum::name).filter(method -> !method.equals("GET"))
                    .forEach(method -> {
                        // The widget's routes are a website visitor's, whoever is signed in (row 33; the matrix covers them).
                        if (PERSONAL_ROUTES.contains(pattern) || pattern.startsWith(OWN_SETTINGS) || pattern.startsWith("/support") || pattern.startsWith("/dev/")
                                || pattern.startsWith("/widget/")) {
                            return;
                        }
                        String path = pattern.replace("{id}", pattern.contains("profiles") ? profile.toString() : someone.toString())
                                .replaceAll("\\{[A-Za-z]+\\}", UUID.randomUUID().toString());
                        partner.get("/team");
                        // The contacts import's upload takes a CSV file, not JSON (anything else is 415 before it is read).
                        int status = path.equals("/api/v1/contacts/imports")
                                ? partner.apiRaw("POST", path, "text/csv", "Name,Phone\nRead Only,+14155550100\n".getBytes(
                                        java.nio.charset.StandardCharsets.UTF_8)).status()
                                : method.equals("POST") && !path.startsWith("/api/")
                                ? partner.post(path, Map.of("name", "Changed", "email", TeamFixture.unique("x"), "role", "member",
                                        "profile", "all", "timezone", "UTC", "level", "admin", "plan", "premium")).status()
                                : partner.api(method, path, Map.of("name", "Changed", "timezone", "UTC", "level", "admin",
                                        "plan", "premium", "role", "member", "email", TeamFixture.unique("y"))).status();
                        if (status != 403) {
                            accepted.add(method + " " + path + " -> " + status);
                        }
                    });
        }));
        assertThat(accepted).as("a read-only partner's changes that were not refused with 403").isEmpty();
        assertThat(snapshot(account.id())).isEqualTo(before);
    }

    private String snapshot(UUID accountId) {
        return databaseOwner().sql("""
                        SELECT concat_ws('|',
                            (SELECT md5(coalesce(string_agg(concat_ws(',', id, name, email, status), ';' ORDER BY id), '')) FROM users WHERE account_id = :a),
                            (SELECT md5(coalesce(string_agg(concat_ws(',', user_id, role), ';' ORDER BY user_id), '')) FROM account_members WHERE account_id = :a),
                            (SELECT md5(coalesce(string_agg(concat_ws(',', profile_id, user_id), ';' ORDER BY profile_id, user_id), '')) FROM profile_memberships WHERE account_id = :a),
                            (SELECT md5(coalesce(string_agg(concat_ws(',', id, name, plan, timezone, archived_at), ';' ORDER BY id), '')) FROM profiles WHERE account_id = :a),
                            (SELECT md5(coalesce(string_agg(concat_ws(',', agency_account_id, level), ';' ORDER BY agency_account_id), '')) FROM partner_grants WHERE client_account_id = :a),
                            (SELECT count(*) FROM invitations WHERE account_id = :a),
                            (SELECT count(*) FROM webhook_endpoints WHERE account_id = :a),
                            (SELECT count(*) FROM contact_imports WHERE account_id = :a))""")
                .param("a", accountId).query(String.class).single();
    }
}
