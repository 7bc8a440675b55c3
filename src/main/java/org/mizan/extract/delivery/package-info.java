/**
 * Delivery of an extract release (a local directory of files and its {@code manifest.json}) to a recipient: an
 * outbox folder ({@link org.mizan.extract.delivery.OutboxDelivery}) or an SFTP server
 * ({@link org.mizan.extract.delivery.SftpDelivery}). Both publish under the final name in one rename, so that a
 * recipient never sees a partial release under its final name, and both treat a release already delivered with the
 * same manifest as done: delivery can be repeated after any failure.
 *
 * <p>May use: config.
 */
package org.mizan.extract.delivery;
