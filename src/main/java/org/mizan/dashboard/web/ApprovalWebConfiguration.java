package org.mizan.dashboard.web;

import org.mizan.approval.Approvals;
import org.mizan.config.MizanHome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/** The dashboard's approval section and its POST route ({@code mizan serve} only). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ApprovalWebConfiguration {

    @Bean
    ApprovalSection approvalSection(Approvals approvals, DashboardUsers users) {
        return new ApprovalSection(approvals, users, MizanHome.fromEnvironment());
    }

    @Bean
    RouterFunction<ServerResponse> approvalRoutes(Approvals approvals, DashboardUsers users) {
        ApprovalHandler h = new ApprovalHandler(approvals, users);
        return RouterFunctions.route().POST("/unit/{code}/approval", h::act).build();
    }
}
