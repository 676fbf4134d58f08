package org.mspportal.shared;

/**
 * A module's entry in the portal's main navigation. Modules declare one as a bean; the layout
 * shows the entries in the order of their {@link PortalSection}.
 */
public record NavigationItem(PortalSection section, String path) {
}
