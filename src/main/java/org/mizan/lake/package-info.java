/** The Parquet lake: partitioned writes of Avro records, the unit-of-load replace protocol, reading records back. */
package org.mizan.lake;
