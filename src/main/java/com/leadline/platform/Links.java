package com.leadline.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** Absolute links for emails, always from {@code leadline.base-url}, never from the request's Host. */
@Component
public class Links {

    private final String baseUrl;

    Links(@Value("${leadline.base-url}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String to(String path) {
        return baseUrl + path;
    }

    public String to(String path, String queryName, String queryValue) {
        return UriComponentsBuilder.fromUriString(baseUrl + path).queryParam(queryName, queryValue).build().encode().toUriString();
    }
}
