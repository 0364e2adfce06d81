package com.leadline.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.audit.AuditActions.Group;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The list of actions the account's audit log knows, the reader's sight and the page position, without a database. */
class AuditActionsTests {

    /** {@code AuditEntry.of("x", ...)}, {@code new AuditEntry(account, "x", ...)} and the profiles' {@code record(actor, "x", ...)}. */
    private static final Pattern RECORDED = Pattern.compile(
            "AuditEntry\\.of\\(\"([^\"]+)\"|new AuditEntry\\([^,]+, \"([^\"]+)\"|record\\(actor, \"([^\"]+)\"");

    @Test
    void everyActionTheApplicationRecordsIsListedWithItsWordsAndGroup() throws IOException {
        Set<String> recorded = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher found = RECORDED.matcher(Files.readString(source));
                while (found.find()) {
                    for (int group = 1; group <= 3; group++) {
                        if (found.group(group) != null) {
                            recorded.add(found.group(group));
                        }
                    }
                }
            }
        }
        assertThat(recorded).as("the sources were read").contains("sign_in", "profile.created", "audit_log.exported", "leadbox.changed");
        assertThat(recorded).allSatisfy(action -> assertThat(AuditActions.find(action)).as(action).isPresent());
        assertThat(AuditActions.all()).allSatisfy(action -> assertThat(action.group()).isNotEqualTo(Group.OTHER));
    }

    @Test
    void anUnlistedActionIsShownByItsCodeInTheOtherGroup() {
        assertThat(AuditActions.labelOf("probe.request")).isEqualTo("probe.request");
        assertThat(AuditActions.groupOf("probe.request")).isEqualTo(Group.OTHER);
        assertThat(AuditActions.labelOf("user.role_changed")).isEqualTo("Role changed");
        assertThat(AuditActions.codesIn(EnumSet.of(Group.BILLING))).containsExactly("profile.plan_changed", "billing.account_changed");
        assertThat(AuditActions.codesIn(Set.of())).isEmpty();
    }

    @Test
    void aLimitedSightReadsSomeGroupsAboutNoProfileAndOthersAboutItsProfiles() {
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        AuditTrail.Sight admin = AuditTrail.Sight.limitedTo(EnumSet.of(Group.TEAM), EnumSet.of(Group.PROFILES), Set.of(mine));
        assertThat(admin.sees("user.role_changed", null)).isTrue();
        assertThat(admin.sees("profile.edited", mine)).isTrue();
        assertThat(admin.sees("profile.edited", theirs)).isFalse();
        assertThat(admin.sees("profile.edited", null)).as("a profile group about no profile").isFalse();
        assertThat(admin.sees("user.role_changed", mine)).as("a team entry about a profile").isFalse();
        assertThat(admin.sees("sign_in", null)).isFalse();
        assertThat(admin.sees("probe.request", null)).isFalse();
        assertThat(admin.mayInclude(Group.PROFILES)).isTrue();
        assertThat(admin.mayInclude(Group.BILLING)).isFalse();
        assertThat(AuditTrail.Sight.limitedTo(Set.of(), EnumSet.of(Group.PROFILES), Set.of()).mayInclude(Group.PROFILES))
                .as("no profiles, no profile entries").isFalse();
        assertThat(AuditTrail.Sight.everything().sees("probe.request", theirs)).isTrue();
    }

    @Test
    void aPagesPositionTravelsAsAnOpaqueTokenAndNothingElseIsTakenForOne() {
        AuditTrail.Position position = new AuditTrail.Position(Instant.parse("2026-03-31T09:15:02.123456Z"), 4711);
        assertThat(AuditTrail.Position.parse(position.token())).contains(position);
        assertThat(position.token()).matches("[A-Za-z0-9_-]+");
        for (String garbage : new String[] {null, "", "not-a-position", "%%%", "MS4y", "x".repeat(65),
                java.util.Base64.getUrlEncoder().encodeToString("1.2.0".getBytes()),
                java.util.Base64.getUrlEncoder().encodeToString("-1.2.3".getBytes()),
                java.util.Base64.getUrlEncoder().encodeToString("1.2.99999999999999999999".getBytes())}) {
            assertThat(AuditTrail.Position.parse(garbage)).as(String.valueOf(garbage)).isEmpty();
        }
    }
}
