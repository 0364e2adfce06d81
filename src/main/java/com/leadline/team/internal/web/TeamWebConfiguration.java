package com.leadline.team.internal.web;

import com.leadline.team.Actor;
import com.leadline.team.internal.Actors;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class TeamWebConfiguration implements WebMvcConfigurer {

    static {
        // The acting user comes from the session (Actors, below), never from the request: the API description
        // (OpenAPI) must not list it among an operation's parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    private final Actors actors;

    TeamWebConfiguration(Actors actors) {
        this.actors = actors;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(actors);
    }
}
