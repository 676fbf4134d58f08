package org.mspportal.identity;

/** How a sign-in proves the second factor. */
enum SecondFactor {
    EMAILED_CODE("an emailed code"),
    AUTHENTICATOR_APP("an authenticator app");

    private final String description;

    SecondFactor(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }
}
