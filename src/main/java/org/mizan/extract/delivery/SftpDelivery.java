package org.mizan.extract.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * Delivers a release to an SFTP server with Apache MINA SSHD's client: every file is uploaded into
 * {@code remoteDir/.NAME.part/}, which is then renamed to {@code remoteDir/NAME} (see {@link SftpUpload} for the
 * file-by-file fallback when the server cannot rename a directory), so no partial file ever stands under a final
 * name. Each attempt opens a new connection; a failed one is retried under the {@link RetryPolicy}, and the next
 * attempt first removes the leftover {@code .NAME.part}. A {@code NAME} already there with the same
 * {@code manifest.json} counts as delivered: the rename may have succeeded just before the connection dropped.
 * Authentication by password or private key; the host key is checked against {@link SftpSettings#hostKeyFingerprint()}
 * when one is set (a mismatch is refused, not retried), and accepted and logged otherwise. The settings' timeout
 * bounds the connection, the authentication, the opening of the SFTP channel and any silence of the server.
 */
public final class SftpDelivery implements Delivery {

    private final SftpSettings settings;
    private final RetryPolicy retry;

    public SftpDelivery(SftpSettings settings, RetryPolicy retry) {
        this.settings = settings;
        this.retry = retry;
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    @Override
    public DeliveryReport deliver(Path releaseDir, String name) throws DeliveryException {
        ReleaseFiles release = ReleaseFiles.of(releaseDir, name);
        KeyIdentityProvider keys = keys();
        HostKeyCheck hostKey = new HostKeyCheck(settings.hostKeyFingerprint());
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(hostKey);
        CoreModuleProperties.IDLE_TIMEOUT.set(client, settings.timeout());
        SftpModuleProperties.SFTP_CHANNEL_OPEN_TIMEOUT.set(client, settings.timeout());
        client.start();
        try {
            return retry.run(describe(), attempt -> attempt(client, hostKey, keys, release, name, attempt));
        } finally {
            client.stop();
        }
    }

    private DeliveryReport attempt(
            SshClient client,
            HostKeyCheck hostKey,
            KeyIdentityProvider keys,
            ReleaseFiles release,
            String name,
            int attempt)
            throws DeliveryException {
        try (ClientSession session = client.connect(settings.user(), settings.host(), settings.port())
                .verify(settings.timeout())
                .getSession()) {
            if (settings.password() != null) {
                session.addPasswordIdentity(settings.password());
            }
            if (keys != null) {
                session.setKeyIdentityProvider(keys);
            }
            session.auth().verify(settings.timeout());
            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                boolean already = new SftpUpload(sftp, describe(), settings.remoteDir(), release).deliver(name);
                return new DeliveryReport(describe(), name, release.files().size(), release.bytes(), attempt, already);
            }
        } catch (IOException e) {
            if (hostKey.refused() != null) {
                throw DeliveryException.permanent("host key of " + settings.host() + ":" + settings.port() + " is "
                        + hostKey.refused() + ", not " + hostKey.expected() + " as host-key says: refused. If the"
                        + " server's key was changed on purpose, confirm the new fingerprint with its administrator"
                        + " and update host-key in config/extracts.yml");
            }
            throw new DeliveryException(
                    "delivery of " + name + " to " + describe() + " failed: " + reason(e)
                            + "; check that the server is reachable and accepts user " + settings.user(),
                    e);
        }
    }

    /** The private key, loaded once before the first attempt: a missing or unreadable key is not worth retrying. */
    private KeyIdentityProvider keys() throws DeliveryException {
        Path file = settings.privateKey();
        if (file == null) {
            return null;
        }
        if (!Files.isReadable(file)) {
            throw DeliveryException.permanent("key-file " + file + " does not exist or is not readable; correct"
                    + " key-file in config/extracts.yml");
        }
        List<KeyPair> pairs = new ArrayList<>();
        try {
            new FileKeyPairProvider(file).loadKeys(null).forEach(pairs::add);
        } catch (RuntimeException e) {
            throw new DeliveryException(
                    "key-file " + file + " cannot be read as a private key (" + e.getMessage()
                            + "); give an OpenSSH or PEM private key without a passphrase",
                    e,
                    true);
        }
        if (pairs.isEmpty()) {
            throw DeliveryException.permanent("key-file " + file + " holds no private key; give an OpenSSH or PEM"
                    + " private key without a passphrase");
        }
        return KeyIdentityProvider.wrapKeyPairs(pairs);
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }
}
