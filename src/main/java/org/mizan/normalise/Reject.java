package org.mizan.normalise;

/** One rejected row as the quarantine keeps it: where it came from, its raw text, the rule and why. */
public record Reject(String file, long line, Rule rule, String message, String raw) {}
