package org.mspportal.shared;

/**
 * A number the navigation shows next to a section's entry, such as unread alerts. Modules declare
 * one as a bean; the layout asks it on every page for the signed-in person, so it must be cheap.
 */
public interface NavigationBadge {

    PortalSection section();

    /** The number for the signed-in person; 0 shows no badge. */
    long count();

    /** What the number counts, for screen readers, e.g. {@code unread alerts}. */
    String meaning();
}
