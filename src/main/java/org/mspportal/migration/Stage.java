package org.mspportal.migration;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a migration stands, and the only ways it moves (SPEC §5):
 * <pre>
 *   ACTION_REQUIRED ──nominate──▶ CUSTOMER_APPROVAL ──approve──▶ MSP_VERIFICATION ──verify──▶ FINALISING ──finalise──▶ COMPLETED
 *                                        │                                   └──verify (SaaS & endpoints only)──▶ COMPLETED
 *                                        └──decline──▶ DECLINED
 *   ACTION_REQUIRED, CUSTOMER_APPROVAL, MSP_VERIFICATION ──cancel (operator)──▶ CANCELLED
 * </pre>
 * FINALISING cannot be cancelled: the customer already exists in the MSP, locked, and only
 * finalising unlocks it. Any other move is an {@link IllegalTransition}.
 */
public enum Stage {
    ACTION_REQUIRED("Action required"),
    CUSTOMER_APPROVAL("Customer approval"),
    MSP_VERIFICATION("MSP verification"),
    FINALISING("Finalising"),
    COMPLETED("Completed"),
    DECLINED("Declined"),
    CANCELLED("Cancelled");

    private static final Map<Stage, Set<Stage>> NEXT = Map.of(
            ACTION_REQUIRED, EnumSet.of(CUSTOMER_APPROVAL, CANCELLED),
            CUSTOMER_APPROVAL, EnumSet.of(MSP_VERIFICATION, DECLINED, CANCELLED),
            MSP_VERIFICATION, EnumSet.of(FINALISING, COMPLETED, CANCELLED),
            FINALISING, EnumSet.of(COMPLETED),
            COMPLETED, EnumSet.noneOf(Stage.class),
            DECLINED, EnumSet.noneOf(Stage.class),
            CANCELLED, EnumSet.noneOf(Stage.class));

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still moving: at most one open migration per source account. */
    public boolean open() {
        return !NEXT.get(this).isEmpty();
    }

    public boolean canMoveTo(Stage next) {
        return NEXT.get(this).contains(next);
    }

    /**
     * The stage after this one, when {@code next} may follow it.
     *
     * @throws IllegalTransition otherwise
     */
    Stage movedTo(Stage next) {
        if (!canMoveTo(next)) {
            throw new IllegalTransition(this, next);
        }
        return next;
    }
}
