/** The data steward's controls: who ran what and how it ended, killed runs made restartable, failure alerts. */
package org.mizan.steward;
