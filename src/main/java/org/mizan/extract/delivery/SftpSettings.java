package org.mizan.extract.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Where and how {@link SftpDelivery} connects: host, port, user, a password or a private key file (OpenSSH or PEM,
 * not encrypted), the server's host key fingerprint ({@code SHA256:...}, as {@code ssh-keygen -lf} prints it) and the
 * remote directory that receives releases (it must exist). Without a fingerprint any host key is accepted and logged
 * with its fingerprint, to be pinned; with one, a server presenting another key is refused. {@link #toString()}
 * never shows the password.
 */
public record SftpSettings(
        String host,
        int port,
        String user,
        String password,
        Path privateKey,
        String hostKeyFingerprint,
        String remoteDir,
        Duration timeout) {

    static final Set<String> KEYS = Set.of(
            "type", "host", "port", "user", "password-env", "key-file", "host-key", "remote-dir", "timeout-seconds");

    public SftpSettings {
        require(host != null && !host.isBlank(), "host is missing");
        require(port > 0 && port < 65536, "port " + port + " is not a TCP port (1-65535)");
        require(user != null && !user.isBlank(), "user is missing");
        require(
                password != null || privateKey != null,
                "neither a password nor a key file is given: set"
                        + " password-env (the environment variable holding the password) or key-file");
        require(
                hostKeyFingerprint == null || hostKeyFingerprint.startsWith("SHA256:"),
                "host-key '"
                        + hostKeyFingerprint + "' is not a SHA256 fingerprint: give it as ssh-keygen -lf prints it,"
                        + " e.g. SHA256:3q2+7w...");
        require(remoteDir != null && !remoteDir.isBlank(), "remote-dir is missing");
        require(timeout != null && !timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
    }

    /**
     * Builds settings from a delivery map of {@code config/extracts.yml}: keys {@code host}, {@code port} (default 22),
     * {@code user}, {@code password-env} (the name of the environment variable holding the password, read through
     * {@code env}), {@code key-file}, {@code host-key}, {@code remote-dir}, {@code timeout-seconds} (default 30), and
     * {@code type}, ignored. An unknown key is refused, so that a misspelt {@code host-key} never turns the host key
     * check off silently.
     *
     * @throws IllegalArgumentException naming the missing or bad key, or the unset variable, and what to do
     */
    public static SftpSettings fromMap(Map<String, ?> map, Function<String, String> env) {
        Set<String> unknown = new TreeSet<>(map.keySet());
        unknown.removeAll(KEYS);
        require(unknown.isEmpty(), "unknown key(s) " + unknown + "; the keys are " + new TreeSet<>(KEYS));
        String passwordEnv = text(map, "password-env");
        String password = null;
        if (passwordEnv != null) {
            password = env.apply(passwordEnv);
            require(
                    password != null && !password.isEmpty(),
                    "environment variable " + passwordEnv
                            + " (named by password-env) is not set: export it with the SFTP password before the run");
        }
        String keyFile = text(map, "key-file");
        require(text(map, "host") != null, "required key 'host' is missing");
        require(text(map, "user") != null, "required key 'user' is missing");
        require(text(map, "remote-dir") != null, "required key 'remote-dir' is missing");
        return new SftpSettings(
                text(map, "host"),
                number(map, "port", 22),
                text(map, "user"),
                password,
                keyFile == null ? null : Path.of(keyFile),
                text(map, "host-key"),
                text(map, "remote-dir"),
                Duration.ofSeconds(number(map, "timeout-seconds", 30)));
    }

    /** The target as a URL without secrets, e.g. {@code sftp://koshi@host:2222/incoming}. */
    public String describe() {
        return "sftp://" + user + "@" + host + ":" + port + (remoteDir.startsWith("/") ? "" : "/") + remoteDir;
    }

    @Override
    public String toString() {
        return "SftpSettings[" + describe() + (password == null ? "" : ", password=***")
                + (privateKey == null ? "" : ", key-file=" + privateKey)
                + (hostKeyFingerprint == null ? "" : ", host-key=" + hostKeyFingerprint) + ", timeout=" + timeout + "]";
    }

    private static String text(Map<String, ?> map, String key) {
        Object value = map.get(key);
        return value == null || value.toString().isBlank()
                ? null
                : value.toString().strip();
    }

    private static int number(Map<String, ?> map, String key, int byDefault) {
        String value = text(map, key);
        if (value == null) {
            return byDefault;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "sftp delivery settings: " + key + " '" + value + "' is not a whole number");
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("sftp delivery settings: " + problem + " (config/extracts.yml)");
        }
    }
}
