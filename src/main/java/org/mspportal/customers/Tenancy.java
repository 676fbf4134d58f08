package org.mspportal.customers;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.mspportal.shared.RejectedInput;

/**
 * A customer's tenant type with the dates of its evaluation, and the rules for moving between
 * types (SPEC §3): a customer starts as a 30-day evaluation unless the MSP chooses commercial;
 * an evaluation can be extended once, by 30 days, so it never runs longer than 60 days; it can
 * become commercial at any time, and a commercial customer never goes back to evaluation. The
 * sandbox is the MSP's own test tenant, made by the portal with the MSP, never chosen by hand.
 *
 * <p>An evaluation runs from {@code evaluationStartsOn} (the customer's creation date) and
 * expires on {@code evaluationEndsOn}: that day is the first one it no longer runs, so a 30-day
 * evaluation created on 1 March expires on 31 March. Commercial and sandbox tenancies carry no
 * evaluation dates and never expire (their licence expiry is a separate date).
 *
 * @param evaluationStartsOn the evaluation's first day, only for {@link TenantType#EVALUATION}
 * @param evaluationEndsOn the day the evaluation expires, only for {@link TenantType#EVALUATION}
 */
record Tenancy(TenantType type, LocalDate evaluationStartsOn, LocalDate evaluationEndsOn) {

    static final String FIELD = "tenantType";
    static final int EVALUATION_DAYS = 30;
    static final int EXTENSION_DAYS = 30;
    static final int LONGEST_EVALUATION_DAYS = EVALUATION_DAYS + EXTENSION_DAYS;

    /**
     * Checks what the rules can produce, so a tenancy read back from storage or built by hand
     * cannot hold an evaluation of any other length or a commercial one with evaluation dates.
     * These are programming or data errors, not something a person typed, hence not RejectedInput.
     */
    Tenancy {
        Objects.requireNonNull(type, "type");
        if (type == TenantType.EVALUATION) {
            Objects.requireNonNull(evaluationStartsOn, "evaluationStartsOn");
            Objects.requireNonNull(evaluationEndsOn, "evaluationEndsOn");
            long days = ChronoUnit.DAYS.between(evaluationStartsOn, evaluationEndsOn);
            if (days != EVALUATION_DAYS && days != LONGEST_EVALUATION_DAYS) {
                throw new IllegalArgumentException("An evaluation runs " + EVALUATION_DAYS + " or "
                        + LONGEST_EVALUATION_DAYS + " days, not " + days);
            }
        } else if (evaluationStartsOn != null || evaluationEndsOn != null) {
            throw new IllegalArgumentException("Only an evaluation has evaluation dates, not " + type);
        }
    }

    /** The default for a new customer: a 30-day evaluation from the day it is created. */
    static Tenancy evaluationFrom(LocalDate createdOn) {
        Objects.requireNonNull(createdOn, "createdOn");
        return new Tenancy(TenantType.EVALUATION, createdOn, createdOn.plusDays(EVALUATION_DAYS));
    }

    static Tenancy commercial() {
        return new Tenancy(TenantType.COMMERCIAL, null, null);
    }

    /** Only for the portal itself, when it creates an MSP's one sandbox customer. */
    static Tenancy sandbox() {
        return new Tenancy(TenantType.SANDBOX, null, null);
    }

    /**
     * The tenancy of a customer an administrator adds: evaluation when nothing was chosen.
     * Sandbox is refused, because each MSP has exactly the one the portal made for it.
     */
    static Tenancy chosenFor(TenantType chosen, LocalDate createdOn) {
        if (chosen == null || chosen == TenantType.EVALUATION) {
            return evaluationFrom(createdOn);
        }
        if (chosen == TenantType.SANDBOX) {
            throw sandboxChosenByHand();
        }
        return commercial();
    }

    /**
     * The tenancy after an administrator picks {@code requested} when editing the customer.
     * Picking the current type changes nothing, so an unchanged form can always be saved.
     */
    Tenancy changedTo(TenantType requested) {
        if (requested == null || requested == type) {
            return this;
        }
        if (type == TenantType.SANDBOX) {
            throw new RejectedInput(FIELD, "The sandbox keeps its tenant type: every MSP has exactly one sandbox.");
        }
        if (requested == TenantType.SANDBOX) {
            throw sandboxChosenByHand();
        }
        if (requested == TenantType.EVALUATION) {
            throw new RejectedInput(FIELD, "A commercial customer cannot go back to evaluation.");
        }
        return commercial();
    }

    /** Converting is allowed at any time, even after the evaluation expired; it is the way out of one. */
    Tenancy convertedToCommercial() {
        return changedTo(TenantType.COMMERCIAL);
    }

    /** The one extension an evaluation may have: 30 more days, 60 in all. */
    Tenancy extended() {
        if (type != TenantType.EVALUATION) {
            throw new RejectedInput(FIELD, "Only an evaluation can be extended; this customer is "
                    + type.name().toLowerCase(Locale.ROOT) + ".");
        }
        if (isExtended()) {
            throw new RejectedInput(FIELD, "This evaluation has already been extended once. An evaluation can run "
                    + "at most " + LONGEST_EVALUATION_DAYS + " days; convert the customer to commercial to keep it.");
        }
        return new Tenancy(type, evaluationStartsOn, evaluationEndsOn.plusDays(EXTENSION_DAYS));
    }

    boolean isExtended() {
        return type == TenantType.EVALUATION
                && ChronoUnit.DAYS.between(evaluationStartsOn, evaluationEndsOn) == LONGEST_EVALUATION_DAYS;
    }

    /** Whether an administrator may still extend it: pages show the action only then. */
    boolean canBeExtended() {
        return type == TenantType.EVALUATION && !isExtended();
    }

    /** The day the evaluation expires; empty for commercial and sandbox tenancies, which do not. */
    Optional<LocalDate> expiresOn() {
        return Optional.ofNullable(evaluationEndsOn);
    }

    /** Whether the evaluation has run out by {@code day}: from its expiry date on. */
    boolean expiredOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return evaluationEndsOn != null && !day.isBefore(evaluationEndsOn);
    }

    /** Days of evaluation left on {@code day}, counting that day; zero once expired, empty if it never expires. */
    Optional<Long> daysLeftOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return expiresOn().map(end -> Math.max(0, ChronoUnit.DAYS.between(day, end)));
    }

    private static RejectedInput sandboxChosenByHand() {
        return new RejectedInput(FIELD, "Sandbox cannot be chosen: the portal creates each MSP's one sandbox "
                + "itself. Choose evaluation or commercial.");
    }
}
