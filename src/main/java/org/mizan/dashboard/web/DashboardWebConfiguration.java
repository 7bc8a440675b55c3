package org.mizan.dashboard.web;

import org.mizan.config.MizanHome;
import org.mizan.dashboard.Links;
import org.mizan.dashboard.Pages;
import org.mizan.dashboard.PanelData;
import org.mizan.dashboard.Panels;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/** The dashboard's web wiring; present only when the application runs a web server ({@code mizan serve}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class DashboardWebConfiguration {

    /** The Content-Security-Policy every response of the dashboard carries. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                    + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    DashboardUsers dashboardUsers(@Value("${mizan.dashboard.users:}") String users) {
        return DashboardUsers.load(users, MizanHome.fromEnvironment());
    }

    @Bean
    DashboardHandler dashboardHandler(
            DashboardUsers users,
            @Value("${mizan.dashboard.anonymous:false}") boolean anonymous,
            org.springframework.beans.factory.ObjectProvider<Pages.Extras> extras) {
        PanelData data = new PanelData(MizanHome.fromEnvironment().publishedWarehouse());
        Pages pages = new Pages(data, Panels.packaged(), Links.LIVE)
                .withExtras(extras.getIfAvailable(() -> Pages.Extras.NONE));
        return new DashboardHandler(pages, users, anonymous);
    }

    @Bean
    RouterFunction<ServerResponse> dashboardRoutes(DashboardHandler h) {
        return RouterFunctions.route()
                .GET("/", h::overview)
                .GET("/unit/{code}", h::unit)
                .GET("/panel/{id}.csv", h::csv)
                .GET("/panel/{id}", h::panel)
                .GET("/assets/{name}", h::asset)
                .build();
    }

    /** Sign-in by form (browsers) or HTTP Basic (scripts); nothing but the assets without it, unless a demo says so. */
    @Bean
    SecurityFilterChain dashboardSecurity(
            HttpSecurity http, DashboardUsers users, @Value("${mizan.dashboard.anonymous:false}") boolean anonymous)
            throws Exception {
        http.authorizeHttpRequests(a -> {
            a.requestMatchers("/assets/**").permitAll();
            if (anonymous) {
                a.anyRequest().permitAll();
            } else {
                a.anyRequest().authenticated();
            }
        });
        http.userDetailsService(users);
        http.formLogin(Customizer.withDefaults());
        http.httpBasic(Customizer.withDefaults());
        http.addFilterBefore(
                new LoginThrottle(java.time.Clock.systemUTC()),
                org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class);
        // the pages load their scripts and style from the jar only, and hold no inline script (a chart's option is
        // JSON data that mizan-page.js draws); ECharts sets element styles, hence 'unsafe-inline' for styles only
        // (no other origin, no plug-ins, no framing, forms post home only)
        http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }
}
