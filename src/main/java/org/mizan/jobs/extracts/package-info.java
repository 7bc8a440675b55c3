/**
 * Job {@code extract-region}: one region's release for a period, written and delivered to its recipient.
 *
 * <p>May use: approval, config, extract, steward.
 */
package org.mizan.jobs.extracts;
