package org.mspportal.providers;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * Brings a new MSP onto the portal with its first administrators, who each receive an
 * activation email.
 */
public record OnboardProvider(
        @NotBlank(message = "Enter the MSP's name") @Size(max = 200, message = "Use at most 200 characters") String name,
        @NotEmpty(message = "Add at least one administrator")
        @Size(max = 10, message = "Add at most 10 administrators here; invite more later")
        List<@NotBlank @Email(message = "Enter valid email addresses") @Size(max = 320) String> administratorEmails) {

    public OnboardProvider {
        name = name == null ? null : name.strip();
        administratorEmails = administratorEmails == null ? List.of() : administratorEmails.stream()
                .map(String::strip)
                .filter(email -> !email.isEmpty())
                .distinct()
                .toList();
    }
}
