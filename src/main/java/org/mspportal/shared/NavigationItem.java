package org.mspportal.shared;

import java.util.Collection;
import java.util.Set;

/**
 * A module's entry in the portal's main navigation. Modules declare one as a bean; the layout
 * shows the entries a signed-in person's role may use, in the order of their {@link PortalSection}.
 *
 * @param audience who sees the entry
 * @param authorities when not empty, only callers holding one of these see the entry: the module
 *     names the roles its pages admit, so nobody is shown a link that answers 403
 */
public record NavigationItem(PortalSection section, String path, Audience audience, Set<String> authorities) {

    public NavigationItem {
        authorities = Set.copyOf(authorities);
    }

    public NavigationItem(PortalSection section, String path, Audience audience) {
        this(section, path, audience, Set.of());
    }

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

    /** The same entry, shown only to callers holding one of these authorities, such as {@code ROLE_OPERATOR}. */
    public NavigationItem onlyFor(String... required) {
        return new NavigationItem(section, path, audience, Set.of(required));
    }

    public boolean visibleTo(boolean operator) {
        return audience == Audience.EVERYONE || (audience == Audience.OPERATORS) == operator;
    }

    /** Whether a caller who is (or is not) an operator and holds these authorities sees the entry. */
    public boolean visibleTo(boolean operator, Collection<String> held) {
        return visibleTo(operator) && (authorities.isEmpty() || held.stream().anyMatch(authorities::contains));
    }
}
