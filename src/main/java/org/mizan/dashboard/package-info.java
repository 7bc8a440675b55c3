/**
 * The planner dashboard: panels declared in {@code dashboards/*.yml} over the warehouse's public views and named
 * queries, rendered to HTML pages with ECharts charts and CSV downloads, served by {@code mizan serve} (package
 * {@code web}) or written as a static folder by {@code mizan dashboard --out}. Every page is limited to what its
 * viewer's {@link org.mizan.dashboard.Scope} may see.
 *
 * <p>May use: config, csv, duckdb, extract, warehouse.
 */
package org.mizan.dashboard;
