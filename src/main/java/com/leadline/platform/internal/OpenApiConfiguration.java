package com.leadline.platform.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The JSON API's OpenAPI description (springdoc): served at /v3/api-docs and shown by Swagger UI at
 * /swagger-ui.html, both for signed-in users only (SecurityConfiguration). The controllers describe
 * their own operations with {@code @Operation}; this adds what every operation shares: the session and
 * CSRF schemes, and the problem details (RFC 9457) that every refusal is. The document is built to be
 * the same on every start (fixed server, operation ids made from method and path, sorted tags), so that
 * docs/openapi.json, the checked-in copy, can be compared with it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM = "Problem";
    static final String SESSION = "session";
    static final String CSRF = "csrf";
    static final String BEARER = "bearerAuth";
    /** Tokens are managed with a session only: a token's request there is refused. */
    private static final String SESSION_ONLY_PATHS = "/api/v1/tokens";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    static {
        // SessionApiController's CsrfToken is the request's own token, not something the caller sends.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CsrfToken.class);
    }

    @Bean
    OpenAPI leadlineApi(@Value("${leadline.session.cookie-name:LEADLINE_SESSION}") String sessionCookie) {
        return new OpenAPI()
                .info(new Info().title("Leadline API").version("v1").description("""
                        The JSON API of Leadline, the shared inbox. Either sign in through the web page first: calls carry \
                        the session cookie, and state-changing ones (POST, PUT, DELETE) the CSRF token in the header \
                        that GET /api/v1/session names; or send a personal API token (Authorization: Bearer), which \
                        needs no session and no CSRF token and acts with its person's rights at each request. Every refusal is problem details (application/problem+json, \
                        RFC 9457); invalid fields are listed under `errors`. docs/api.md explains the rules."""))
                .servers(List.of(new Server().url("/").description("The Leadline that serves this document")))
                .components(new Components()
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name(sessionCookie)
                                .description("The session cookie of a signed-in user, set by signing in on the web page."))
                        .addSecuritySchemes(CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-CSRF-TOKEN")
                                .description("The session's CSRF token, which GET /api/v1/session returns as csrfToken "
                                        + "(with the header's name as csrfHeader); needed by POST, PUT and DELETE."))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("ll_pat")
                                .description("A personal API token made on the settings page or with POST /api/v1/tokens "
                                        + "(shown once); no session and no CSRF token with it.")));
    }

    /**
     * Every operation: an id made from its method and path, the security it needs, and its refusals as
     * problem details. Error responses an operation declares itself get the problem schema too.
     */
    @Bean
    OpenApiCustomizer sharedRefusalsAndSecurity() {
        return api -> {
            // Here rather than on the bean: springdoc keeps only the schemas of the controllers' types from there.
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            if (api.getPaths() != null) {
                api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                        describeShared(path, method, operation)));
            }
            if (api.getTags() != null) {
                List<Tag> tags = new ArrayList<>(api.getTags());
                tags.sort(Comparator.comparing(Tag::getName));
                api.setTags(tags);
            }
        };
    }

    private static void describeShared(String path, PathItem.HttpMethod method, Operation operation) {
        operation.setOperationId(operationId(path, method));
        boolean changes = method != PathItem.HttpMethod.GET;
        SecurityRequirement session = new SecurityRequirement().addList(SESSION);
        if (changes) {
            session.addList(CSRF);
        }
        operation.setSecurity(path.startsWith(SESSION_ONLY_PATHS) ? List.of(session)
                : List.of(session, new SecurityRequirement().addList(BEARER)));

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Map<String, String> shared = new LinkedHashMap<>();
        shared.put("400", "A query parameter or body that cannot be read (text PostgreSQL cannot store, bad JSON, "
                + "a malformed escape); `errors` names the field when there is one.");
        shared.put("401", "Not signed in, the session has ended, or the API token is unknown, expired or revoked.");
        shared.put("403", changes ? "Your role does not allow this, or the CSRF token is missing or stale (`detail` says which)."
                : "Your role does not allow this (support staff, for one).");
        shared.put("404", "Nothing here, or nothing you may know exists (another account's, a malformed id).");
        if (changes) {
            shared.put("409", "The state of what you are changing forbids the change.");
            shared.put("422", "Invalid fields, each named under `errors` with its message; nothing was changed.");
        }
        if (operation.getRequestBody() != null) {
            shared.put("413", "The body is larger than the API accepts (64 KB unless configured otherwise).");
            shared.put("415", "The body is not application/json.");
        }
        shared.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().description(description));
            }
        });
        responses.putIfAbsent("default", new ApiResponse()
                .description("Any other refusal or failure (405, 406, 429 with Retry-After, 500), as problem details."));
        responses.forEach((status, response) -> {
            if (!status.startsWith("2") && !status.startsWith("3")) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
        // In status order (the writer sorts the document's maps; this keeps Swagger UI's order the same).
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        operation.setResponses(sorted);
    }

    /** {@code GET /api/v1/conversations/{id}/messages/{messageId}/retry} is {@code getConversationsByIdMessagesByMessageIdRetry}. */
    static String operationId(String path, PathItem.HttpMethod method) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        for (String segment : path.replaceFirst("^/api/v1/", "").split("/")) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                id.append("By").append(capitalised(segment.substring(1, segment.length() - 1)));
            } else {
                for (String word : segment.split("[^A-Za-z0-9]+")) {
                    id.append(capitalised(word));
                }
            }
        }
        return id.toString();
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** What Spring's ProblemDetail becomes in JSON, with the {@code errors} that ApiErrors and ErrorResponses add. */
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri").description("A URI for the kind of problem; about:blank for a plain HTTP status."));
        properties.put("title", new StringSchema().description("The HTTP status's phrase, such as Not Found."));
        properties.put("status", new IntegerSchema().format("int32").description("The HTTP status code."));
        properties.put("detail", new StringSchema().description("What went wrong, in words for people."));
        properties.put("instance", new StringSchema().format("uri").description("The path that was asked for, when known."));
        properties.put("errors", new ObjectSchema().additionalProperties(new StringSchema())
                .description("For invalid or unreadable fields: each field's name (such as `body`, `tags[1]` or `q`) and its message."));
        return new ObjectSchema().description("Problem details (RFC 9457), the answer to every refused or failed call.")
                .properties(properties).required(List.of("status", "title"));
    }
}
