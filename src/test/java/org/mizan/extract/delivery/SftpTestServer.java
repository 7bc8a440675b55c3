package org.mizan.extract.delivery;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server in the test's JVM (Apache MINA SSHD on a free port, files in a temp directory), with switches
 * that make it misbehave the way real servers do: refuse the first connections, cut a connection in the middle of an
 * upload, drop the connection right after a rename, or refuse to rename a directory.
 */
final class SftpTestServer implements AutoCloseable {

    static final String USER = "koshi";
    static final String PASSWORD = "Koshi-sftp-2024!";

    final Path root;
    final KeyPair hostKey;
    /** Sessions (in order of arrival) that are refused authentication: the first {@code refuseFirst}. */
    final AtomicInteger refuseFirst = new AtomicInteger();
    /** How many sessions the cut kills, each after {@code cutAfterBytes} bytes written. */
    final AtomicInteger cutsLeft = new AtomicInteger();

    final AtomicLong cutAfterBytes = new AtomicLong(Long.MAX_VALUE);
    final AtomicBoolean dropAfterNextRename = new AtomicBoolean();
    final AtomicBoolean refuseDirectoryRename = new AtomicBoolean();
    /** Sessions that reached authentication, and connections accepted (a refused host key never authenticates). */
    final AtomicInteger sessions = new AtomicInteger();

    final AtomicInteger connections = new AtomicInteger();

    private final Map<ServerSession, Boolean> admitted = new ConcurrentHashMap<>();
    private final Map<ServerSession, AtomicLong> written = new ConcurrentHashMap<>();
    private final SshServer server;

    SftpTestServer(Path root, PublicKey authorizedKey) throws IOException, GeneralSecurityException {
        this.root = Files.createDirectories(root);
        this.hostKey = ecKeyPair();
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator(
                (user, password, session) -> admitted(session) && USER.equals(user) && PASSWORD.equals(password));
        server.setPublickeyAuthenticator((user, key, session) -> admitted(session)
                && USER.equals(user)
                && authorizedKey != null
                && KeyUtils.compareKeys(key, authorizedKey));
        server.setKeyboardInteractiveAuthenticator(null);
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                connections.incrementAndGet();
            }
        });
        SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().build();
        sftp.addSftpEventListener(new Misbehaviour());
        server.setSubsystemFactories(List.of(sftp));
        server.setFileSystemFactory(new VirtualFileSystemFactory(this.root));
        server.start();
    }

    int port() {
        return server.getPort();
    }

    static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private boolean admitted(ServerSession session) {
        return admitted.computeIfAbsent(session, s -> sessions.incrementAndGet() > refuseFirst.get());
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private final class Misbehaviour implements SftpEventListener {

        @Override
        public void writing(
                ServerSession session,
                String remoteHandle,
                FileHandle localHandle,
                long offset,
                byte[] data,
                int dataOffset,
                int dataLen)
                throws IOException {
            long total = written.computeIfAbsent(session, s -> new AtomicLong()).addAndGet(dataLen);
            if (total > cutAfterBytes.get() && cutsLeft.getAndDecrement() > 0) {
                session.close(true);
                throw new IOException("connection cut by the test server after " + total + " bytes");
            }
        }

        @Override
        public void moving(ServerSession session, Path source, Path target, Collection<CopyOption> options) {
            if (refuseDirectoryRename.get() && Files.isDirectory(source)) {
                throw new UnsupportedOperationException("this server cannot rename a directory");
            }
        }

        @Override
        public void moved(
                ServerSession session, Path source, Path target, Collection<CopyOption> options, Throwable thrown) {
            if (thrown == null && dropAfterNextRename.compareAndSet(true, false)) {
                session.close(true);
            }
        }
    }
}
