package org.mizan.source;

/** A mapping file that cannot be used, or a file that is not what its mapping says; the message says what to do. */
public class MappingException extends RuntimeException {

    public MappingException(String message) {
        super(message);
    }
}
