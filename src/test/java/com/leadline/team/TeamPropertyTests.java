package com.leadline.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.Seeded;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.Smtp;
import com.leadline.testing.WebSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of invite, resend, accept, edit role, change memberships, deactivate, reactivate and
 * sign in, by random actors (owner, admins, team members, deactivated users, support) on random
 * targets, through the real routes. After every step: exactly one active owner, the same one as at
 * the start; no deactivated user has a live session; nobody got a role above their granter's; and no
 * request failed with a 5xx. Seeded: the seed is printed on failure, and -Dleadline.seed=N replays it.
 */
class TeamPropertyTests extends IntegrationTest {

    private static final int RUNS = 2;
    private static final int STEPS = 60;
    private static final List<String> ROLE_CODES = List.of("admin", "member", "member", "owner", "chief");
    private static final Map<String, Integer> RANK = Map.of("owner", 3, "admin", 2, "member", 1);

    @Test
    void teamInvariantsHoldAfterEveryStep() {
        long first = Seeded.seed();
        for (int run = 0; run < RUNS; run++) {
            Seeded.check("Team property", first + run, random -> new Run(random).play());
        }
    }

    private final class Run {

        private final Random random;
        private final TeamFixture fixture = new TeamFixture(port, databaseOwner());
        private final TeamFixture.Account account;
        private final List<UUID> profiles = new ArrayList<>();
        private final Map<UUID, WebSession> sessions = new LinkedHashMap<>();
        private final Map<UUID, String> emails = new HashMap<>();
        private final Map<String, Integer> invitationMails = new HashMap<>();
        private final WebSession staff = visitor();
        private final List<String> log = new ArrayList<>();

        Run(Random random) {
            this.random = random;
            this.account = fixture.openAccount("Property Partners " + random.nextInt(1000));
            profiles.add(account.firstProfileId());
            profiles.add(fixture.addProfile(account, "Second Location"));
            profiles.add(fixture.addProfile(account, "Third Location"));
            sessions.put(account.owner().id(), account.owner().session());
            emails.put(account.owner().id(), account.owner().email());
            com.leadline.testing.StaffSignIn.signIn(staff, databaseOwner(), clock);
        }

        void play() {
            for (int step = 0; step < STEPS; step++) {
                Map<UUID, String> rolesBefore = roles();
                UUID actor = pick(new ArrayList<>(sessions.keySet()));
                String action = step(actor);
                log.add(step + ": " + action);
                checkInvariants(actor, rolesBefore);
            }
        }

        private String step(UUID actor) {
            WebSession session = sessions.get(actor);
            List<UUID> users = new ArrayList<>(roles().keySet());
            int operation = random.nextInt(8);
            // Mostly a target the operation can apply to, sometimes anyone: both the allowed and the refused paths run.
            String fitting = switch (operation) {
                case 2 -> "invited";
                case 5 -> "active";
                case 6 -> "deactivated";
                default -> null;
            };
            List<UUID> candidates = fitting == null ? users : users.stream().filter(u -> fitting.equals(statusOf(u))).toList();
            UUID target = candidates.isEmpty() || random.nextInt(4) == 0 ? pick(users) : pick(candidates);
            return switch (operation) {
                case 0, 1 -> {
                    String email = TeamFixture.unique("p");
                    String role = pick(ROLE_CODES);
                    String profile = random.nextInt(3) == 0 ? "all" : pick(profiles).toString();
                    WebSession.Page answer = session.api("POST", "/api/v1/team/members",
                            Map.of("name", "Random Person", "email", email, "role", role, "profile", profile));
                    if (answer.status() == 201) {
                        emails.put(UUID.fromString(WebSession.json(answer).get("id").asString()), email);
                        invitationMails.merge(email, 1, Integer::sum);
                    }
                    yield expectNoServerError(answer, actor + " invites " + email + " as " + role + " to " + profile);
                }
                case 2 -> {
                    WebSession.Page answer = session.api("POST", "/api/v1/team/members/" + target + "/invitation/resend", null);
                    if (answer.status() == 204) {
                        invitationMails.merge(emails.get(target), 1, Integer::sum);
                    }
                    yield expectNoServerError(answer, actor + " resends to " + target);
                }
                case 3 -> accept();
                case 4 -> {
                    String role = pick(ROLE_CODES);
                    List<String> memberOf = profiles.stream().filter(p -> random.nextBoolean()).map(UUID::toString).toList();
                    Map<String, Object> edit = new LinkedHashMap<>();
                    edit.put("name", "Edited Person");
                    edit.put("email", emailOf(target));
                    edit.put("role", role);
                    edit.put("profileIds", memberOf);
                    yield expectNoServerError(session.api("PUT", "/api/v1/team/members/" + target, edit),
                            actor + " edits " + target + " to " + role + " in " + memberOf.size() + " profiles");
                }
                case 5 -> expectNoServerError(session.api("POST", "/api/v1/team/members/" + target + "/deactivation",
                        random.nextBoolean() ? null : Map.of("handover", "member", "transferTo", pick(users).toString())),
                        actor + " deactivates " + target);
                case 6 -> {
                    staff.get("/support");
                    yield expectNoServerError(staff.post("/support/users/reactivate", Map.of("email", emailOf(target))),
                            "support reactivates " + target);
                }
                default -> {
                    WebSession visitor = visitor();
                    WebSession.Page answer = visitor.signIn(emailOf(target), PASSWORD);
                    if (visitor.isSignedIn()) {
                        sessions.put(target, visitor);
                    }
                    yield expectNoServerError(answer, target + " signs in");
                }
            };
        }

        private String accept() {
            List<String> pending = invitationMails.keySet().stream().sorted().toList();
            if (pending.isEmpty()) {
                return "nothing to accept";
            }
            String email = pick(pending);
            String link = TeamFixture.link(email, invitationMails.get(email));
            WebSession visitor = visitor();
            visitor.get(link);
            WebSession.Page answer = visitor.post("/invitations/accept",
                    Map.of("token", TeamFixture.tokenOf(link), "name", "Accepted Person", "password", PASSWORD));
            if (answer.status() == 302) {
                UUID id = databaseOwner().sql("SELECT id FROM users WHERE email = :e").param("e", email).query(UUID.class).single();
                sessions.put(id, visitor);
                invitationMails.remove(email);
            }
            return expectNoServerError(answer, email + " accepts");
        }

        private void checkInvariants(UUID actor, Map<UUID, String> rolesBefore) {
            String trail = String.join("\n  ", log);
            Map<UUID, String> after = roles();
            assertThat(databaseOwner().sql("""
                            SELECT m.user_id FROM account_members m JOIN users u ON u.id = m.user_id
                            WHERE m.account_id = :a AND m.role = 'owner' AND u.status = 'active'""")
                    .param("a", account.id()).query(UUID.class).list())
                    .as("exactly one active owner, the one who signed up; after\n  %s", trail)
                    .containsExactly(account.owner().id());
            assertThat(databaseOwner().sql("""
                            SELECT count(*) FROM spring_session s JOIN users u ON s.principal_name = u.id::text
                            WHERE u.account_id = :a AND u.status <> 'active'""")
                    .param("a", account.id()).query(Integer.class).single())
                    .as("sessions of deactivated users; after\n  %s", trail).isZero();
            after.forEach((user, role) -> {
                String before = rolesBefore.get(user);
                if (!role.equals(before)) {
                    assertThat(RANK.get(role)).as("%s became %s by %s (a %s); after\n  %s", user, role, actor,
                            rolesBefore.get(actor), trail).isLessThanOrEqualTo(RANK.getOrDefault(rolesBefore.get(actor), 0));
                    assertThat(role).isNotEqualTo("owner");
                }
            });
            for (Map.Entry<UUID, WebSession> signedIn : sessions.entrySet()) {
                String status = statusOf(signedIn.getKey());
                if (!"active".equals(status)) {
                    assertThat(signedIn.getValue().api("GET", "/api/v1/session", null).status())
                            .as("%s is %s but their session still works; after\n  %s", signedIn.getKey(), status, trail)
                            .isEqualTo(401);
                }
            }
            sessions.entrySet().removeIf(entry -> !"active".equals(statusOf(entry.getKey())));
            if (sessions.isEmpty()) {
                throw new AssertionError("the owner lost their session: " + trail);
            }
        }

        private Map<UUID, String> roles() {
            Map<UUID, String> roles = new LinkedHashMap<>();
            databaseOwner().sql("SELECT user_id, role FROM account_members WHERE account_id = :a ORDER BY created_at, user_id")
                    .param("a", account.id())
                    .query((rs, n) -> roles.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
            return roles;
        }

        private String statusOf(UUID userId) {
            return databaseOwner().sql("SELECT status FROM users WHERE id = :u").param("u", userId)
                    .query(String.class).optional().orElse("gone");
        }

        private String emailOf(UUID userId) {
            return emails.computeIfAbsent(userId, id -> databaseOwner().sql("SELECT email FROM users WHERE id = :u")
                    .param("u", id).query(String.class).optional().orElse("gone@example.com"));
        }

        private String expectNoServerError(WebSession.Page answer, String action) {
            assertThat(answer.status()).as("%s answered %d: %s", action, answer.status(), answer.body()).isLessThan(500);
            return action + " -> " + answer.status();
        }

        private <T> T pick(List<T> choices) {
            return choices.get(random.nextInt(choices.size()));
        }
    }
}
