/**
 * Pseudonymisation: the key chain outside the lake, the keyed hash of a person, and key rotation.
 *
 * <p>May use: config, lake.
 */
package org.mizan.pseudonym;
