/** Pseudonymisation: the key chain outside the lake, the keyed hash of a person, and key rotation. */
package org.mizan.pseudonym;
