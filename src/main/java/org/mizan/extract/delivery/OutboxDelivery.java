package org.mizan.extract.delivery;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.mizan.config.Folders;

/**
 * Delivers a release into a local (or mounted) outbox folder: copies it into {@code outbox/.NAME.part/}, fsyncs
 * every file and directory, then renames that directory to {@code outbox/NAME} in one atomic move, so a reader of
 * the outbox sees the whole release or nothing. A leftover {@code .NAME.part} from an earlier failed attempt is
 * removed first. An existing {@code outbox/NAME} with an identical {@code manifest.json} is already delivered; with
 * a different one it is refused (releases are immutable). One attempt: a local failure is not retried.
 */
public final class OutboxDelivery implements Delivery {

    private final Path outbox;

    public OutboxDelivery(Path outbox) {
        this.outbox = outbox.toAbsolutePath().normalize();
    }

    @Override
    public String describe() {
        return "outbox:" + outbox;
    }

    @Override
    public DeliveryReport deliver(Path releaseDir, String name) throws DeliveryException {
        ReleaseFiles release = ReleaseFiles.of(releaseDir, name);
        Path target = outbox.resolve(name);
        Path temp = outbox.resolve(ReleaseFiles.tempName(name));
        try {
            if (Files.exists(target)) {
                return alreadyDelivered(release, target, name);
            }
            Files.createDirectories(outbox);
            Folders.deleteTree(temp);
            copy(release, temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            fsync(outbox);
        } catch (AtomicMoveNotSupportedException e) {
            throw new DeliveryException(
                    "outbox " + outbox + " cannot rename " + temp.getFileName() + " to " + name
                            + " atomically; use an outbox on a local file system",
                    e,
                    true);
        } catch (FileAlreadyExistsException e) {
            throw new DeliveryException(
                    "outbox " + outbox + " received " + name + " from another delivery meanwhile;"
                            + " run the delivery again to check it",
                    e);
        } catch (IOException e) {
            throw new DeliveryException(
                    "delivery of " + name + " to outbox " + outbox + " failed: " + e
                            + "; check the outbox's free space and permissions, then deliver again",
                    e);
        }
        return new DeliveryReport(describe(), name, release.files().size(), release.bytes(), 1, false);
    }

    private DeliveryReport alreadyDelivered(ReleaseFiles release, Path target, String name)
            throws IOException, DeliveryException {
        Path manifest = target.resolve(ReleaseFiles.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw DeliveryException.permanent("outbox " + outbox + " already holds " + name + " without a "
                    + ReleaseFiles.MANIFEST + ": it is not a release delivered by Mizan; move it out of the outbox");
        }
        if (Arrays.equals(Files.readAllBytes(manifest), release.manifest())) {
            return new DeliveryReport(describe(), name, release.files().size(), release.bytes(), 1, true);
        }
        throw DeliveryException.permanent("outbox " + outbox + " already holds " + name + " with a different "
                + ReleaseFiles.MANIFEST + "; a delivered release is never replaced: deliver the new release under a"
                + " new version name");
    }

    private static void copy(ReleaseFiles release, Path temp) throws IOException {
        Files.createDirectories(temp);
        for (String dir : release.directories()) {
            Files.createDirectories(temp.resolve(dir));
        }
        for (String file : release.files()) {
            Path copy = temp.resolve(file);
            Files.copy(release.local(file), copy);
            try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        }
        for (String dir : release.directories()) {
            fsync(temp.resolve(dir));
        }
        fsync(temp);
    }

    /** Makes a directory's entries durable; file systems that cannot open a directory for this are skipped. */
    private static void fsync(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel: its rename is durable by itself there
        }
    }
}
