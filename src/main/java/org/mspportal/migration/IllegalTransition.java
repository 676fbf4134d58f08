package org.mspportal.migration;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A move the migration's stage does not allow, typically met after acting on a stale page or a
 * second click: the API answers 409, pages show the message.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class IllegalTransition extends RuntimeException {

    private final Stage from;
    private final Stage to;

    IllegalTransition(Stage from, Stage to) {
        super(message(from, to));
        this.from = from;
        this.to = to;
    }

    public Stage from() {
        return from;
    }

    public Stage to() {
        return to;
    }

    private static String message(Stage from, Stage to) {
        if (!from.open()) {
            return "This migration is already " + from.label().toLowerCase(java.util.Locale.ROOT)
                    + "; nothing more can be done with it.";
        }
        return "This migration is at the stage \"" + from.label() + "\", so it cannot move to \"" + to.label()
                + "\". Reload the page to see where it stands.";
    }
}
