/**
 * The application class the command line boots (Spring Boot scans the packages below it). The Avro records
 * generated from {@code schemas/*.avsc} are in {@code org.mizan.schema}, under {@code target/}.
 *
 * <p>May use: nothing of Mizan.
 */
package org.mizan;
