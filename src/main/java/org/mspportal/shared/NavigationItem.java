package org.mspportal.shared;

/**
 * A module's entry in the portal's main navigation. Modules declare one as a bean; the layout
 * shows the entries a signed-in person's role may use, in the order of their {@link PortalSection}.
 *
 * @param audience who sees the entry
 */
public record NavigationItem(PortalSection section, String path, Audience audience) {

    public enum Audience {
        /** Administrators of an MSP, whatever their role. */
        ADMINISTRATORS,
        /** The platform operator's staff. */
        OPERATORS,
        EVERYONE
    }

    public static NavigationItem forAdministrators(PortalSection section, String path) {
        return new NavigationItem(section, path, Audience.ADMINISTRATORS);
    }

    public static NavigationItem forOperators(PortalSection section, String path) {
        return new NavigationItem(section, path, Audience.OPERATORS);
    }

    public static NavigationItem forEveryone(PortalSection section, String path) {
        return new NavigationItem(section, path, Audience.EVERYONE);
    }

    public boolean visibleTo(boolean operator) {
        return audience == Audience.EVERYONE || (audience == Audience.OPERATORS) == operator;
    }
}
