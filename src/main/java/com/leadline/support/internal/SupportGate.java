package com.leadline.support.internal;

import com.leadline.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Guards /support: staff pass; a signed-in customer (even an owner) gets 404, as if the console did
 * not exist; anyone else is sent to the staff sign-in.
 */
@Configuration(proxyBeanMethods = false)
class SupportGate implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/support", "/support/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Object principal = authentication == null ? null : authentication.getPrincipal();
        if (principal instanceof StaffPrincipal) {
            return true;
        }
        if (principal instanceof com.leadline.platform.AuthenticatedUser) {
            throw new NotFoundException();
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/support/signin")) {
            return true;
        }
        response.sendRedirect(request.getContextPath() + "/support/signin");
        return false;
    }
}
