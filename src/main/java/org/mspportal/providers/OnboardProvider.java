package org.mspportal.providers;

import java.util.List;
import java.util.Locale;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.mspportal.shared.RejectedInput;

/**
 * Brings a new MSP onto the portal with its first administrators, who each receive an
 * activation email.
 */
public record OnboardProvider(
        @NotBlank(message = "Enter the MSP's name") @Size(max = 200, message = "Use at most 200 characters") String name,
        @NotEmpty(message = "Add at least one administrator")
        @Size(max = 10, message = "Add at most 10 administrators here; invite more later")
        List<@Email(message = "is not an email address")
             @Size(max = 320, message = "is too long for an email address") String> administratorEmails) {

    public OnboardProvider {
        name = name == null ? null : name.strip();
        administratorEmails = administratorEmails == null ? List.of() : administratorEmails.stream()
                .map(email -> email.strip().toLowerCase(Locale.ROOT))
                .filter(email -> !email.isEmpty())
                .distinct()
                .toList();
    }

    /**
     * A broken rule as refused input, named by the field it is about. A rule about one email
     * quotes it, so the person sees which line to fix.
     */
    static RejectedInput rejection(ConstraintViolation<OnboardProvider> violation) {
        String field = violation.getPropertyPath().iterator().next().getName();
        boolean oneEmail = field.equals("administratorEmails") && violation.getInvalidValue() instanceof String;
        return new RejectedInput(field, oneEmail
                ? "\"" + violation.getInvalidValue() + "\" " + violation.getMessage() + "."
                : violation.getMessage() + ".");
    }
}
