/**
 * The data steward's controls: who ran what and how it ended, killed runs made restartable, failure alerts.
 *
 * <p>May use: approval, config, lake.
 */
package org.mizan.steward;
