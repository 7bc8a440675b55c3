/**
 * Reading delivered files through mappings: delimited text in any encoding and delimiter, JSON Lines, header aliases,
 * value maps, wide layouts. Before parsing, {@code InputFiles} tells what a file is (gzip read as it is, UTF-16 decoded,
 * workbooks, archives and PDFs refused by name) and {@code ZipPrecheck} checks a workbook's zip; every read stays
 * within {@code Limits}.
 *
 * <p>May use: lake, source.derive.
 */
package org.mizan.source;
