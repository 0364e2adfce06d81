package com.leadline.profiles.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadline.accounts.NumberRoutes;
import com.leadline.accounts.Profiles;
import com.leadline.audit.AuditLog;
import com.leadline.inbox.SendingNumbers;
import com.leadline.inbox.SendingNumbers.Check;
import com.leadline.platform.CallerContext;
import com.leadline.platform.ConflictException;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.Tenancy;
import com.leadline.team.Actor;
import com.leadline.team.Role;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Texting use case's answers to what the SMS provider says of a new number. The shared test
 * application has no provider (every check is NO_PROVIDER), and a context of its own for one fake bean
 * would start a second application and database; so this builds the use case from the application's
 * real beans (database, registry, audit log) with a fake provider port, and calls it as the
 * controllers do, for an owner of a fresh account.
 */
class ProfileTextingProviderTests extends IntegrationTest {

    @Autowired
    private Profiles profiles;
    @Autowired
    private NumberRoutes numbers;
    @Autowired
    private AuditLog audit;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private Clock applicationClock;

    private TeamFixture.Account account;
    private Actor owner;
    /** Each number the fake was asked about, and whether a transaction was open on the thread at the time. */
    private final List<String> asked = new ArrayList<>();
    private final List<Boolean> askedInsideATransaction = new ArrayList<>();

    @BeforeEach
    void openAccount() {
        account = new TeamFixture(port, databaseOwner()).openAccount("Provider Pretzels");
        owner = new Actor(account.owner().id(), account.id(), "Olive Owner", Role.OWNER, Set.of(account.firstProfileId()), true);
    }

    @Test
    void aNumberTheProviderHoldsIsSavedAndItWasAskedWithNoTransactionOpen() {
        String number = unusedNumber();
        ProfileTextingService.Saved saved = change(answering(e164 -> Check.HELD), form(number, "Pretzels: reply STOP to stop."));

        assertThat(saved.numberCheck()).isEqualTo(Check.HELD);
        assertThat(saved.numberUnchecked()).isFalse();
        assertThat(asked).containsExactly(number.replace(" ", ""));
        assertThat(askedInsideATransaction).containsExactly(false);
        assertThat(numberOf(account.firstProfileId())).isEqualTo(number.replace(" ", ""));

        change(answering(e164 -> Check.HELD), form(number, "Pretzels: we answer within the hour."));
        assertThat(asked).as("a kept number is not asked about again").hasSize(1);
    }

    @Test
    void aNumberTheProviderDoesNotHoldIsRefusedUnderItsFieldAndNothingIsSaved() {
        String number = unusedNumber();
        assertThatThrownBy(() -> change(answering(e164 -> Check.NOT_HELD), form(number, "Never saved.")))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.fieldErrors())
                        .isEqualTo(Map.of("phoneNumber", ProfileTextingService.NOT_HELD)));
        assertThat(numberOf(account.firstProfileId())).isNull();
        assertThat(helpTextOf(account.firstProfileId())).isEmpty();
    }

    @Test
    void anUnreachableProviderIsARefusalAndNothingIsSaved() {
        String number = unusedNumber();
        SendingNumbers unreachable = answering(e164 -> {
            throw new ConflictException("The SMS provider could not be asked whether it holds this number.");
        });
        assertThatThrownBy(() -> change(unreachable, form(number, "Never saved.")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("could not be asked");
        assertThat(numberOf(account.firstProfileId())).isNull();
        assertThat(helpTextOf(account.firstProfileId())).isEmpty();
    }

    @Test
    void aNumberInTheRegistryIsRefusedWithoutAskingTheProvider() {
        String number = unusedNumber();
        TeamFixture.Account other = new TeamFixture(port, databaseOwner()).openAccount("Other Pretzels");
        Actor otherOwner = new Actor(other.owner().id(), other.id(), "Olive Owner", Role.OWNER, Set.of(other.firstProfileId()), true);
        change(otherOwner, answering(e164 -> Check.HELD), form(number, ""));
        asked.clear();

        assertThatThrownBy(() -> change(answering(e164 -> Check.HELD), form(number, "Never saved.")))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.fieldErrors())
                        .isEqualTo(Map.of("phoneNumber", ProfileTextingService.TAKEN)));
        assertThat(asked).isEmpty();
        assertThat(numberOf(other.firstProfileId())).isEqualTo(number.replace(" ", ""));
        assertThat(numberOf(account.firstProfileId())).isNull();
    }

    private ProfileTextingService.Saved change(SendingNumbers provider, ProfileTextingService.TextingForm form) {
        return change(owner, provider, form);
    }

    /** As a request of the actor's would: their account bound to the thread, a caller for the audit log. */
    private ProfileTextingService.Saved change(Actor actor, SendingNumbers provider, ProfileTextingService.TextingForm form) {
        ProfileTextingService service = new ProfileTextingService(profiles, numbers, provider, audit, transactions, applicationClock);
        Tenancy.bindToThread(actor.accountId());
        try (CallerContext.Scope request = CallerContext.enterRequest("203.0.113.77", () -> null)) {
            return service.change(actor, actor.profileIds().iterator().next(), form);
        } finally {
            Tenancy.clearThread();
        }
    }

    private SendingNumbers answering(Function<String, Check> answer) {
        return e164 -> {
            asked.add(e164);
            askedInsideATransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
            return answer.apply(e164);
        };
    }

    private static ProfileTextingService.TextingForm form(String number, String helpText) {
        return new ProfileTextingService.TextingForm("US", number, helpText);
    }

    private static String unusedNumber() {
        return TeamFixture.uniquePhoneNumber().replaceFirst("^\\+1(\\d{3})", "+1 $1 ");
    }

    private String numberOf(UUID profile) {
        return databaseOwner().sql("SELECT phone_number FROM texting_numbers WHERE profile_id = :p").param("p", profile)
                .query(String.class).optional().orElse(null);
    }

    private String helpTextOf(UUID profile) {
        return databaseOwner().sql("SELECT help_text FROM profiles WHERE id = :p").param("p", profile).query(String.class).single();
    }
}
