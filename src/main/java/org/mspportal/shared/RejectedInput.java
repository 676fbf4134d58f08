package org.mspportal.shared;

/**
 * A command refused because of one of its values, named by the form field or JSON property it
 * came from, so a page can show the message beside the field and the API can name it in its
 * problem details. The message is written for the person who typed the value.
 */
public class RejectedInput extends RuntimeException {

    private final String field;

    public RejectedInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
