package org.mizan.extract.delivery;

import java.net.SocketAddress;
import java.security.PublicKey;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the server's host key against the configured {@code SHA256:...} fingerprint; without one, accepts the key
 * and logs its fingerprint so that it can be pinned. Remembers a refused key to name it in the error.
 */
final class HostKeyCheck implements ServerKeyVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(HostKeyCheck.class);

    private final String expected;
    private volatile String refused;

    HostKeyCheck(String expected) {
        this.expected = expected;
    }

    static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
        String actual = fingerprint(key);
        if (expected == null) {
            LOG.info(
                    "host key of {} is {}: accepted without check (set host-key to it in config/extracts.yml to pin it)",
                    remote,
                    actual);
            return true;
        }
        if (expected.equals(actual)) {
            return true;
        }
        refused = actual;
        return false;
    }

    /** The fingerprint of the last key refused, or null. */
    String refused() {
        return refused;
    }

    String expected() {
        return expected;
    }
}
