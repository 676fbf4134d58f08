package org.mspportal.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The object does not exist for this caller: either nobody has it, or another MSP does. The two
 * are deliberately the same answer, so ids of other MSPs reveal nothing.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFound extends RuntimeException {

    public NotFound(String kind) {
        super("No such " + kind);
    }
}
