package com.leadline.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadline.accounts.Profiles.Plan;
import com.leadline.billing.BillingEvents;
import com.leadline.platform.Tenancy;
import com.leadline.team.Actor;
import com.leadline.team.Role;
import com.leadline.team.TeamSupport;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Billing (docs/billing.md): every seat, profile and plan change records its billing event in the change's own
 * transaction (none when the change is refused or rolled back); an invoice for a past month is computed from
 * those events; the owner's billing account form refuses bad input and saves nothing then. Who may reach the
 * routes: TeamAuthorizationMatrixTests (row 16).
 */
class BillingIntegrationTests extends IntegrationTest {

    @Autowired
    private BillingService billing;
    @Autowired
    private BillingEvents billingEvents;
    @Autowired
    private TeamSupport teamSupport;
    @Autowired
    private Tenancy tenancy;
    @Autowired
    private TransactionTemplate transactions;

    private TeamFixture fixture;
    private JdbcClient owner;

    @BeforeEach
    void fixture() {
        owner = databaseOwner();
        fixture = new TeamFixture(port, owner);
    }

    @AfterEach
    void resetClock() {
        clock.resetToNow();
    }

    /**
     * March 2026 has 31 days; Pro is 49.00 and Premium 99.00 a month (the defaults of the README's configuration).
     * Profile A (sign-up's, Pro) from 1 March, changed to Premium on the 11th: 10 days Pro + 21 days Premium.
     * Profile C, added on 1 March (Pro), archived on the 21st: 20 days Pro (1st-20th).
     * Profile B, added on the 16th (Pro): 16 days Pro (16th-31st).
     * Total = (49 x 10 + 99 x 21 + 49 x 20 + 49 x 16) / 31 = (490 + 2079 + 980 + 784) / 31 = 4333 / 31 = 139.774... = 139.77.
     * April (30 days, nothing changes): A Premium 99.00 + B Pro 49.00 = 148.00.
     */
    @Test
    void theInvoiceOfAPastMonthWithAPlanChangeAProfileAddedAndOneArchivedIsTheProratedSumOfItsEvents() {
        clock.setTo(Instant.parse("2026-03-01T09:00:00Z"));
        TeamFixture.Account account = fixture.openAccount("Invoice Makers");
        UUID profileC = created(signedIn(account).api("POST", "/api/v1/profiles", profileForm("Invoice Makers Annex")));

        clock.setTo(Instant.parse("2026-03-11T10:00:00Z"));
        assertThat(signedIn(account).api("PUT", "/api/v1/profiles/" + account.firstProfileId() + "/plan", Map.of("plan", "premium"))
                .status()).isEqualTo(200);

        clock.setTo(Instant.parse("2026-03-16T23:30:00Z"));
        UUID profileB = created(signedIn(account).api("POST", "/api/v1/profiles", profileForm("Invoice Makers North")));

        clock.setTo(Instant.parse("2026-03-21T00:10:00Z"));
        assertThat(signedIn(account).api("POST", "/api/v1/profiles/" + profileC + "/archive", null).status()).isEqualTo(204);
        clock.resetToNow();

        Actor actor = ownerActor(account);
        Invoices.Invoice march = tenancy.inAccount(account.id(), () -> billing.invoiceFor(actor, YearMonth.of(2026, 3)));
        assertThat(march.total()).isEqualByComparingTo(new BigDecimal("139.77"));
        assertThat(march.currency()).isEqualTo("USD");
        assertThat(march.lines()).extracting(Invoices.Line::profileId, Invoices.Line::days).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(account.firstProfileId(), Map.of(Plan.PRO, 10, Plan.PREMIUM, 21)),
                org.assertj.core.groups.Tuple.tuple(profileC, Map.of(Plan.PRO, 20)),
                org.assertj.core.groups.Tuple.tuple(profileB, Map.of(Plan.PRO, 16)));
        Invoices.Invoice april = tenancy.inAccount(account.id(), () -> billing.invoiceFor(actor, YearMonth.of(2026, 4)));
        assertThat(april.total()).isEqualByComparingTo(new BigDecimal("148.00"));
        Invoices.Invoice february = tenancy.inAccount(account.id(), () -> billing.invoiceFor(actor, YearMonth.of(2026, 2)));
        assertThat(february.total()).as("before the account was opened").isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void everySeatProfileAndPlanChangeRecordsItsBillingEventAndARefusedOrRolledBackChangeRecordsNone() {
        TeamFixture.Account account = fixture.openAccount("Event Recorders");
        UUID ownerId = account.owner().id();
        assertThat(kinds(account, ownerId)).containsExactly("seat_added");
        assertThat(kinds(account, account.firstProfileId())).containsExactly("profile_added");

        String email = TeamFixture.unique("member");
        UUID memberId = fixture.invite(account.owner(), "Mo Member", email, "member", account.firstProfileId());
        assertThat(kinds(account, memberId)).as("an invitee is no seat").containsExactly("user_invited");
        fixture.acceptLatestInvitation(new WebSession(port), email);
        assertThat(kinds(account, memberId)).containsExactly("user_invited", "seat_added");

        WebSession ownerSession = account.owner().session();
        assertThat(ownerSession.api("POST", "/api/v1/team/members/" + memberId + "/deactivation", null).status()).isEqualTo(204);
        assertThat(kinds(account, memberId)).containsExactly("user_invited", "seat_added", "seat_removed");

        // Support's reactivation inside a transaction that is rolled back: the user stays deactivated, no event.
        com.leadline.platform.CallerContext.runAsSystem("billing test", () -> transactions.executeWithoutResult(status -> {
            teamSupport.reactivate(account.id(), memberId, UUID.randomUUID());
            status.setRollbackOnly();
        }));
        assertThat(kinds(account, memberId)).containsExactly("user_invited", "seat_added", "seat_removed");
        assertThat(owner.sql("SELECT status FROM users WHERE id = :u").param("u", memberId).query(String.class).single())
                .isEqualTo("deactivated");
        com.leadline.platform.CallerContext.runAsSystem("billing test",
                () -> teamSupport.reactivate(account.id(), memberId, UUID.randomUUID()));
        assertThat(kinds(account, memberId)).containsExactly("user_invited", "seat_added", "seat_removed", "seat_added");

        // Plan changes: a refused one (not a plan, or not the owner) records nothing, changing to the same plan neither.
        UUID profile = account.firstProfileId();
        assertThat(ownerSession.api("PUT", "/api/v1/profiles/" + profile + "/plan", Map.of("plan", "gold")).status()).isEqualTo(422);
        TeamFixture.Member admin = fixture.join(account.owner(), "admin", null);
        assertThat(admin.session().api("PUT", "/api/v1/profiles/" + profile + "/plan", Map.of("plan", "premium")).status())
                .isEqualTo(403);
        assertThat(ownerSession.api("PUT", "/api/v1/profiles/" + profile + "/plan", Map.of("plan", "pro")).status()).isEqualTo(200);
        assertThat(kinds(account, profile)).containsExactly("profile_added");
        assertThat(ownerSession.api("PUT", "/api/v1/profiles/" + profile + "/plan", Map.of("plan", "premium")).status()).isEqualTo(200);
        assertThat(kinds(account, profile)).containsExactly("profile_added", "plan_changed");
        assertThat(owner.sql("""
                        SELECT from_value || '>' || to_value || ':' || actor_user_id FROM billing_events
                        WHERE subject_id = :s AND kind = 'plan_changed'""").param("s", profile).query(String.class).single())
                .isEqualTo("pro>premium:" + ownerId);

        // Profiles added, archived (the last one in use can't be: refused, nothing recorded) and restored.
        assertThat(ownerSession.api("POST", "/api/v1/profiles/" + profile + "/archive", null).status()).isEqualTo(409);
        UUID second = created(ownerSession.api("POST", "/api/v1/profiles", profileForm("Event Recorders Two")));
        assertThat(ownerSession.api("POST", "/api/v1/profiles/" + second + "/archive", null).status()).isEqualTo(204);
        assertThat(ownerSession.api("POST", "/api/v1/profiles/" + second + "/restore", null).status()).isEqualTo(204);
        assertThat(kinds(account, second)).containsExactly("profile_added", "profile_archived", "profile_restored");
        assertThat(kinds(account, profile)).containsExactly("profile_added", "plan_changed");

        // The port writes only inside the caller's transaction.
        assertThatThrownBy(() -> billingEvents.planChanged(account.id(), profile, Plan.PRO, Plan.PREMIUM, ownerId, Instant.now()))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void theOwnersBillingAccountRefusesABadEmailAndAMissingCountrySavingNothingThenSavesAndListsTheChange() {
        TeamFixture.Account account = fixture.openAccount("Form Fillers");
        WebSession session = account.owner().session();
        WebSession.Page page = session.get("/settings/billing");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.heading()).isEqualTo("Billing");
        assertThat(page.document().select("#billing-companyName").val()).as("sign-up made the billing account").isEqualTo("Form Fillers");
        assertThat(page.document().select("#no-processor").text()).contains("No payment processor is connected");
        assertThat(page.document().select("#seat-count").text()).isEqualTo("1");
        assertThat(page.document().select("#month-total").text()).startsWith("USD ");

        Map<String, String> bad = Map.of("companyName", "Form Fillers Ltd", "billingEmail", "not-an-email", "addressLine1", "1 Main St",
                "city", "Springfield", "postalCode", "12345", "country", "", "taxId", "");
        WebSession.Page refused = session.post("/settings/billing/account", bad);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().select("#billing-billingEmail-error").text()).contains("billing email");
        assertThat(refused.document().select("#billing-country-error").text()).contains("country");
        assertThat(refused.document().select(".error-summary li")).hasSize(2);
        assertThat(refused.document().select("#billing-companyName").val()).as("kept as typed").isEqualTo("Form Fillers Ltd");
        assertThat(session.post("/settings/billing/account", Map.of("companyName", "X", "billingEmail", "a@b.example",
                "addressLine1", "1 Main St", "city", "Springfield", "country", "ZZ")).status()).as("not a country").isEqualTo(422);
        assertThat(details(account)).isEqualTo("Form Fillers|null|null");
        assertThat(kinds(account, account.id())).isEmpty();

        Map<String, String> good = new java.util.HashMap<>(bad);
        good.put("billingEmail", "Billing@Form-Fillers.example");
        good.put("country", "DE");
        good.put("taxId", "DE123456789");
        WebSession.Page saved = session.post("/settings/billing/account", good);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/settings/billing?saved");
        assertThat(details(account)).isEqualTo("Form Fillers Ltd|DE|DE123456789");
        assertThat(kinds(account, account.id())).containsExactly("billing_details_changed");
        WebSession.Page after = session.get("/settings/billing");
        assertThat(after.document().select("#billing-country option[selected]").val()).isEqualTo("DE");
        assertThat(after.document().select(".billing-history tbody tr").first().text())
                .contains("Olive Owner", "Billing details", "Form Fillers, ", "Form Fillers Ltd, billing@form-fillers.example");
        assertThat(session.post("/settings/billing/account", good).status()).isEqualTo(302);
        assertThat(kinds(account, account.id())).as("saving the same details again changes nothing").hasSize(1);
    }

    @Test
    void seatsAreTheAccountsActiveUsersNotInviteesNorPartnerUsersAndOnlyTheOwnerReachesTheBillingPage() {
        TeamFixture.Account account = fixture.openAccount("Seat Counters");
        TeamFixture.Member admin = fixture.join(account.owner(), "admin", null);
        fixture.invite(account.owner(), "Ivy Invitee", TeamFixture.unique("invitee"), "member", account.firstProfileId());
        WebSession partner = fixture.partnerWorkingIn(account.id(), "admin");
        assertThat(account.owner().session().get("/settings/billing").document().select("#seat-count").text()).isEqualTo("2");

        assertThat(admin.session().get("/settings/billing").status()).isEqualTo(403);
        assertThat(admin.session().post("/settings/billing/account", Map.of("companyName", "Taken Over")).status()).isEqualTo(403);
        assertThat(partner.get("/settings/billing").status()).isEqualTo(403);
        assertThat(details(account)).startsWith("Seat Counters|");
        assertThat(admin.session().get("/").document().select("#account-menu [role=menuitem]").eachText()).doesNotContain("Billing");
    }

    private WebSession signedIn(TeamFixture.Account account) {
        WebSession session = new WebSession(port);
        assertThat(session.signIn(account.owner().email(), PASSWORD).status()).isEqualTo(302);
        return session;
    }

    private static Map<String, Object> profileForm(String name) {
        return Map.of("name", name, "timezone", "UTC");
    }

    private static UUID created(WebSession.Page answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return UUID.fromString(WebSession.json(answer).get("id").asString());
    }

    private static Actor ownerActor(TeamFixture.Account account) {
        return new Actor(account.owner().id(), account.id(), "Olive Owner", Role.OWNER, Set.of(), true);
    }

    private List<String> kinds(TeamFixture.Account account, UUID subject) {
        return owner.sql("SELECT kind FROM billing_events WHERE account_id = :a AND subject_id = :s ORDER BY occurred_at, seq")
                .param("a", account.id()).param("s", subject).query(String.class).list();
    }

    private String details(TeamFixture.Account account) {
        return owner.sql("SELECT company_name || '|' || coalesce(country, 'null') || '|' || coalesce(tax_id, 'null') FROM billing_accounts WHERE account_id = :a")
                .param("a", account.id()).query(String.class).single();
    }
}
