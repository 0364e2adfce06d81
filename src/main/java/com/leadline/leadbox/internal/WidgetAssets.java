package com.leadline.leadbox.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The widget's two scripts as every page of a business's website asks for them: cached by the visitor's
 * browser for a few minutes (the embed code's address never changes, so a longer time would hold back a
 * new version), then revalidated (Last-Modified, 304); gzipped (server.compression); and, with the widget's requests, open
 * to the host page's Resource Timing (Timing-Allow-Origin), so a business can measure what the widget costs it.
 */
@Configuration(proxyBeanMethods = false)
class WidgetAssets implements WebMvcConfigurer {

    static final Duration BROWSER_CACHE = Duration.ofMinutes(5);
    private static final String[] SCRIPTS = {"/leadbox.js", "/widget/panel.js"};

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(SCRIPTS).addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.maxAge(BROWSER_CACHE).cachePublic());
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> widgetTimingAllowed() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setHeader("Timing-Allow-Origin", "*");
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/leadbox.js", "/widget/*");
        return registration;
    }
}
