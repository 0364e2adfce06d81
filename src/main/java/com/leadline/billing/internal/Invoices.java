package com.leadline.billing.internal;

import com.leadline.accounts.Profiles.Plan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The invoice of a month, computed from billing events alone (a pure calculation, docs/billing.md):
 * each profile is charged its plan's monthly price for each day of the month it was in use on that plan,
 * over the days of the month. A day counts with the profile's state at the end of that day in UTC: a
 * profile added or restored on the 16th is charged from the 16th, one archived on the 21st up to the 20th,
 * a plan changed on the 11th is the new plan from the 11th. Seats are counted but not priced. Amounts are
 * exact until the total, which is rounded half-even to cents once (lines are rounded for showing only).
 */
final class Invoices {

    /** Monthly prices per plan, in one currency. */
    record Prices(Map<Plan, BigDecimal> monthly, String currency) {

        BigDecimal of(Plan plan) {
            return monthly.get(plan);
        }
    }

    /** One profile's days on each plan in the month, and what they come to (rounded to cents for showing). */
    record Line(UUID profileId, Map<Plan, Integer> days, BigDecimal amount) {
    }

    record Invoice(YearMonth month, List<Line> lines, BigDecimal total, String currency) {
    }

    private Invoices() {
    }

    /** @param events the account's events in the order they happened */
    static Invoice invoiceFor(List<BillingEvent> events, YearMonth month, Prices prices) {
        int daysInMonth = month.lengthOfMonth();
        BigDecimal days = BigDecimal.valueOf(daysInMonth);
        Map<UUID, List<BillingEvent>> byProfile = new LinkedHashMap<>();
        for (BillingEvent event : events) {
            if ("profile".equals(event.kind().subjectType())) {
                byProfile.computeIfAbsent(event.subjectId(), id -> new ArrayList<>()).add(event);
            }
        }
        List<Line> lines = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO; // price x days, summed exactly; divided by the month's days once.
        for (Map.Entry<UUID, List<BillingEvent>> profile : byProfile.entrySet()) {
            Map<Plan, Integer> onPlan = new EnumMap<>(Plan.class);
            for (int day = 1; day <= daysInMonth; day++) {
                Instant endOfDay = LocalDate.of(month.getYear(), month.getMonth(), day).plusDays(1).atStartOfDay()
                        .toInstant(ZoneOffset.UTC);
                Plan plan = planInUseBefore(profile.getValue(), endOfDay);
                if (plan != null) {
                    onPlan.merge(plan, 1, Integer::sum);
                }
            }
            if (onPlan.isEmpty()) {
                continue;
            }
            BigDecimal profileSum = BigDecimal.ZERO;
            for (Map.Entry<Plan, Integer> entry : onPlan.entrySet()) {
                profileSum = profileSum.add(prices.of(entry.getKey()).multiply(BigDecimal.valueOf(entry.getValue())));
            }
            sum = sum.add(profileSum);
            lines.add(new Line(profile.getKey(), onPlan, profileSum.divide(days, 2, RoundingMode.HALF_EVEN)));
        }
        return new Invoice(month, lines, sum.divide(days, 2, RoundingMode.HALF_EVEN), prices.currency());
    }

    /** The profile's plan after every event before {@code instant}, or null when it was not in use then. */
    private static Plan planInUseBefore(List<BillingEvent> events, Instant instant) {
        boolean inUse = false;
        Plan plan = Plan.PRO;
        for (BillingEvent event : events) {
            if (!event.occurredAt().isBefore(instant)) {
                break;
            }
            switch (event.kind()) {
                case PROFILE_ADDED, PROFILE_RESTORED -> {
                    inUse = true;
                    plan = event.to() == null ? plan : plan(event.to());
                }
                case PROFILE_ARCHIVED -> inUse = false;
                case PLAN_CHANGED -> plan = plan(event.to());
                default -> {
                }
            }
        }
        return inUse ? plan : null;
    }

    private static Plan plan(String code) {
        return Plan.valueOf(code.toUpperCase(Locale.ROOT));
    }
}
