/** Streaming, entity-safe readers of IATI XML: activity files (standard 2.0x) and code lists. */
package org.mizan.source.iati;
