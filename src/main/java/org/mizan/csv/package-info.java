/**
 * The one way Mizan writes CSV ({@link org.mizan.csv.CsvWriter}): RFC 4180 through Apache Commons CSV, UTF-8 without a
 * byte-order mark, CRLF line ends in files, and a formula guard for the files people open in spreadsheets. It knows
 * nothing of what the rows mean.
 *
 * <p>May use: nothing of Mizan.
 */
package org.mizan.csv;
