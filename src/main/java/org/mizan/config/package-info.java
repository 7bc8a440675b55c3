/**
 * Where runtime files go (MIZAN_HOME).
 *
 * <p>May use: nothing of Mizan.
 */
package org.mizan.config;
