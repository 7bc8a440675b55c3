package org.mizan.extract.delivery;

import java.nio.file.Path;

/**
 * Sends one extract release to one recipient.
 *
 * <p>{@code releaseDir} is a local directory holding the release's files and its {@code manifest.json};
 * {@code name} is the directory name the recipient gets (e.g. {@code NP-P1_2024-Q1_v2}). The release appears under
 * {@code name} complete or not at all. Delivering again a release already delivered under {@code name} with the same
 * {@code manifest.json} reports it as already delivered; a different manifest under that name is refused, since a
 * release is immutable (a new version takes a new name).
 */
public interface Delivery {

    /** Delivers the release, or throws saying what failed and what to do. */
    DeliveryReport deliver(Path releaseDir, String name) throws DeliveryException;

    /** The target, without secrets, e.g. {@code sftp://koshi@host:2222/incoming} or {@code outbox:/srv/outbox}. */
    String describe();
}
