/** Checks and conversions of raw records into canonical Avro records, each failure a rejected row with its rule. */
package org.mizan.normalise;
