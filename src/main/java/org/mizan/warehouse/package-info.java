/** The DuckDB warehouse: built from warehouse/*.sql, published by switching a link, read-only queries. */
package org.mizan.warehouse;
