/** Where runtime files go (MIZAN_HOME). */
package org.mizan.config;
