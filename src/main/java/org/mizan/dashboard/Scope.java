package org.mizan.dashboard;

/**
 * What a viewer may see: everything ({@code region} null, the {@code national} role) or one region (level 1) and
 * the units below it (the {@code regional} role).
 */
public record Scope(String user, String region) {

    public static Scope national(String user) {
        return new Scope(user, null);
    }

    public static Scope regional(String user, String region) {
        return new Scope(user, region);
    }

    public boolean isNational() {
        return region == null;
    }

    /** Refused: the viewer asked for what its scope does not include (HTTP 403). */
    public static class Forbidden extends RuntimeException {
        public Forbidden(String message) {
            super(message);
        }
    }
}
