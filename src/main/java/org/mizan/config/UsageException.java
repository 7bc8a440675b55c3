package org.mizan.config;

/**
 * A command line or configuration that cannot work; exit code 2, with what to do in the message (printed as it is,
 * with no stack trace). Any stage may raise it; the command line reports it.
 */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
