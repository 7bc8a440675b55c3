/** Reading delivered files through mappings: delimited text in any encoding and delimiter, JSON Lines, header aliases, value maps, wide layouts. */
package org.mizan.source;
