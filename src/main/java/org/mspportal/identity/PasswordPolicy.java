package org.mspportal.identity;

import java.util.List;
import java.util.Optional;

import com.nulabinc.zxcvbn.Zxcvbn;
import org.springframework.stereotype.Component;

/**
 * What makes a new password acceptable, after NIST SP 800-63B: long enough, not absurdly long, any
 * Unicode, no composition rules, and not one an attacker would guess early: common passwords,
 * dictionary words, keyboard walks and repeats, or the person's own email and name are refused
 * (zxcvbn's estimate, which carries lists of the most common passwords).
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 256;
    /** zxcvbn's score 3: "safely unguessable: moderate protection from offline slow-hash attacks". */
    private static final int MIN_SCORE = 3;
    /** zxcvbn's cost grows with length; beyond this a password is long enough not to need the check. */
    private static final int MEASURED_LENGTH = 100;

    private final Zxcvbn estimator = new Zxcvbn();

    /** The reason to refuse the password, or empty if it is acceptable. */
    Optional<String> problemWith(String password, List<String> personalWords) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters. A few unrelated words make a good password.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        if (password.isBlank()) {
            return Optional.of("A password cannot be only spaces.");
        }
        String measured = length > MEASURED_LENGTH
                ? password.substring(0, password.offsetByCodePoints(0, MEASURED_LENGTH))
                : password;
        if (estimator.measure(measured, personalWords).getScore() < MIN_SCORE) {
            return Optional.of("This password is too easy to guess: it is common, follows a pattern, or contains "
                    + "your name or email. Try a few unrelated words.");
        }
        return Optional.empty();
    }
}
