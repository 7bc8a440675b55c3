/**
 * The dashboard on the web, inside {@code mizan serve} only (every other command runs with no web server): Spring
 * MVC routes over {@link org.mizan.dashboard.Pages}, Spring Security with the users of
 * {@code config/dashboard-users.yml}, each request given the {@link org.mizan.dashboard.Scope} of its user.
 *
 * <p>May use: approval, config, dashboard, warehouse.
 */
package org.mizan.dashboard.web;
