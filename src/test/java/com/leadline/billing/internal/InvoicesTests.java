package com.leadline.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.accounts.Profiles.Plan;
import com.leadline.billing.internal.BillingEvent.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The invoice calculation alone (docs/billing.md): days counted by the state at each day's end in UTC, rounding once, half-even. */
class InvoicesTests {

    private static final Invoices.Prices PRICES = new Invoices.Prices(
            Map.of(Plan.PRO, new BigDecimal("49.00"), Plan.PREMIUM, new BigDecimal("99.00")), "USD");
    private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);

    @Test
    void aProfileArchivedAndRestoredIsChargedForTheDaysItWasInUseAndSeatsAreNotPriced() {
        UUID profile = UUID.randomUUID();
        List<BillingEvent> events = List.of(
                event("2026-01-20T10:00:00Z", Kind.PROFILE_ADDED, profile, null, "pro"),
                event("2026-02-03T12:00:00Z", Kind.SEAT_ADDED, UUID.randomUUID(), null, null),
                event("2026-02-10T08:00:00Z", Kind.PROFILE_ARCHIVED, profile, "pro", null),
                event("2026-02-20T23:59:59Z", Kind.PROFILE_RESTORED, profile, null, "pro"));
        Invoices.Invoice invoice = Invoices.invoiceFor(events, FEBRUARY, PRICES);
        // In use 1-9 February (archived on the 10th) and 20-28 (restored on the 20th): 9 + 9 = 18 of 28 days.
        // 49.00 x 18 / 28 = 882 / 28 = 31.50.
        assertThat(invoice.lines()).singleElement().satisfies(line -> assertThat(line.days()).isEqualTo(Map.of(Plan.PRO, 18)));
        assertThat(invoice.total()).isEqualByComparingTo("31.50");
    }

    @Test
    void aPlanChangedTwiceInADayCountsThePlanItEndedOnAndAFutureChangeNothing() {
        UUID profile = UUID.randomUUID();
        List<BillingEvent> events = List.of(
                event("2026-02-01T00:00:00Z", Kind.PROFILE_ADDED, profile, null, "premium"),
                event("2026-02-15T09:00:00Z", Kind.PLAN_CHANGED, profile, "premium", "pro"),
                event("2026-02-15T17:00:00Z", Kind.PLAN_CHANGED, profile, "pro", "premium"),
                event("2026-03-02T00:00:00Z", Kind.PLAN_CHANGED, profile, "premium", "pro"));
        // Premium every day of February: 99.00.
        assertThat(Invoices.invoiceFor(events, FEBRUARY, PRICES).total()).isEqualByComparingTo("99.00");
        // March: Premium on the 1st, Pro from the 2nd: (99 + 49 x 30) / 31 = 1569 / 31 = 50.6129... = 50.61.
        assertThat(Invoices.invoiceFor(events, YearMonth.of(2026, 3), PRICES).total()).isEqualByComparingTo("50.61");
        assertThat(Invoices.invoiceFor(events, YearMonth.of(2026, 1), PRICES).lines()).as("before it was added").isEmpty();
    }

    @Test
    void theTotalIsRoundedOnceHalfEvenToCents() {
        Invoices.Prices quarter = new Invoices.Prices(Map.of(Plan.PRO, new BigDecimal("0.25"), Plan.PREMIUM, BigDecimal.ONE), "USD");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<BillingEvent> events = List.of(
                event("2026-02-15T10:00:00Z", Kind.PROFILE_ADDED, first, null, "pro"),
                event("2026-02-15T10:00:00Z", Kind.PROFILE_ADDED, second, null, "pro"));
        // Each: 0.25 x 14 / 28 = 0.125 (0.12 rounded half-even); together 0.25 x 28 / 28 = 0.25, not 0.12 + 0.12.
        Invoices.Invoice invoice = Invoices.invoiceFor(events, FEBRUARY, quarter);
        assertThat(invoice.lines()).extracting(Invoices.Line::amount).containsExactly(new BigDecimal("0.12"), new BigDecimal("0.12"));
        assertThat(invoice.total()).isEqualByComparingTo("0.25");
        UUID alone = UUID.randomUUID();
        assertThat(Invoices.invoiceFor(List.of(event("2026-02-15T10:00:00Z", Kind.PROFILE_ADDED, alone, null, "pro")), FEBRUARY, quarter)
                .total()).as("0.125 half-even").isEqualByComparingTo("0.12");
    }

    private static BillingEvent event(String at, Kind kind, UUID subject, String from, String to) {
        return new BillingEvent(Instant.parse(at), kind, subject, from, to, null);
    }
}
