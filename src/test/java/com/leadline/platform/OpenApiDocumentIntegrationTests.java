package com.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.WebSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON API's OpenAPI description as served at /v3/api-docs: every /api/v1 route of the handler
 * mapping is in it with a summary and a description, every operation's refusals are problem details,
 * and the document is exactly the checked-in docs/openapi.json (a change to the API changes that file
 * in the same commit, where review sees it).
 */
class OpenApiDocumentIntegrationTests extends IntegrationTest {

    static final Path CHECKED_IN = Path.of("docs/openapi.json");
    static final Path SERVED_COPY = Path.of("target/openapi.json");
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlerMapping;

    @Test
    void everyApiRouteIsDescribedWithASummaryAndADescription() {
        JsonNode paths = servedDocument().get("paths");
        List<String> undescribed = new ArrayList<>();
        for (String route : apiRoutes()) {
            String method = route.substring(0, route.indexOf(' ')).toLowerCase(Locale.ROOT);
            String path = route.substring(route.indexOf(' ') + 1);
            JsonNode operation = paths.path(path).path(method);
            if (operation.isMissingNode()) {
                undescribed.add(route + ": not in the document");
            } else if (operation.path("summary").asString("").isBlank() || operation.path("description").asString("").isBlank()) {
                undescribed.add(route + ": no summary or no description (@Operation(summary = ..., description = ...))");
            }
        }
        assertThat(undescribed).as("routes of the handler mapping under /api/v1 that the OpenAPI document does not describe")
                .isEmpty();
        Set<String> documented = new TreeSet<>();
        paths.properties().forEach(path -> path.getValue().propertyNames()
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(documented).as("the document describes the routes there are, and only those").isEqualTo(apiRoutes());
    }

    @Test
    void everyOperationAnswersItsRefusalsAsProblemDetails() {
        JsonNode document = servedDocument();
        List<String> wrong = new ArrayList<>();
        Set<String> operationIds = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String route = entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            JsonNode operation = entry.getValue();
            if (!operationIds.add(operation.path("operationId").asString(""))) {
                wrong.add(route + ": operationId " + operation.path("operationId") + " is not unique");
            }
            JsonNode responses = operation.get("responses");
            for (String status : List.of("401", "403", "default")) {
                if (!responses.has(status)) {
                    wrong.add(route + ": no " + status + " response");
                }
            }
            responses.properties().forEach(response -> {
                if (response.getKey().startsWith("2")) {
                    return;
                }
                JsonNode problem = response.getValue().path("content").path("application/problem+json").path("schema").path("$ref");
                if (!PROBLEM_REF.equals(problem.asString(""))) {
                    wrong.add(route + ": " + response.getKey() + " is not application/problem+json of " + PROBLEM_REF);
                }
            });
            if (!entry.getKey().equals("get") && !operation.path("security").toString().contains("csrf")) {
                wrong.add(route + ": changes without the csrf scheme");
            }
        }));
        assertThat(wrong).isEmpty();
        JsonNode problem = document.path("components").path("schemas").path("Problem").path("properties");
        assertThat(problem.propertyNames()).containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "errors");
    }

    /** The schema is what the API really answers: a refusal's fields are the schema's. */
    @Test
    void aRealRefusalHasTheProblemSchemasShape() {
        WebSession owner = signedInOwner();
        WebSession.Page missing = owner.api("GET", "/api/v1/conversations/" + UUID.randomUUID(), null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        Set<String> schemaFields = servedDocument().path("components").path("schemas").path("Problem").path("properties").propertyNames()
                .stream().collect(java.util.stream.Collectors.toSet());
        assertThat(WebSession.json(missing).propertyNames()).isSubsetOf(schemaFields).contains("status", "title", "detail");
        WebSession.Page invalid = owner.api("POST", "/api/v1/shortcuts", Map.of("name", "", "body", ""));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(WebSession.json(invalid).propertyNames()).isSubsetOf(schemaFields).contains("errors");
    }

    @Test
    void theServedDocumentIsTheCheckedInCopy() throws IOException {
        String served = normalised(signedInOwner().api("GET", "/v3/api-docs", null).body());
        String checkedIn = Files.exists(CHECKED_IN) ? Files.readString(CHECKED_IN, StandardCharsets.UTF_8) : "";
        if (!served.equals(checkedIn)) {
            Files.createDirectories(SERVED_COPY.getParent());
            Files.writeString(SERVED_COPY, served, StandardCharsets.UTF_8);
        }
        assertThat(served).as("the served OpenAPI document differs from %s: copy %s to %s and review the difference "
                + "(git diff) before committing it with the change", CHECKED_IN, SERVED_COPY, CHECKED_IN).isEqualTo(checkedIn);
    }

    @Test
    void theDocumentIsTheSameOnEveryRequestAndNamesNoPort() {
        WebSession owner = signedInOwner();
        String first = owner.api("GET", "/v3/api-docs", null).body();
        assertThat(owner.api("GET", "/v3/api-docs", null).body()).isEqualTo(first);
        assertThat(first).doesNotContain(":" + port).doesNotContain("localhost");
        assertThat(WebSession.json(owner.api("GET", "/v3/api-docs", null)).path("servers").get(0).path("url").asString()).isEqualTo("/");
    }

    @Test
    void signedOutVisitorsGet401ProblemDetailsForTheDocumentAndSignInForSwaggerUi() {
        for (String path : List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config")) {
            WebSession.Page refused = visitor().get(path);
            assertThat(refused.status()).as(path).isEqualTo(401);
            assertThat(refused.header("Content-Type")).as(path).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(WebSession.json(refused).get("detail").asString()).as(path).isEqualTo("Sign in first.");
        }
        for (String page : List.of("/swagger-ui.html", "/swagger-ui/index.html", "/swagger-ui/swagger-initializer.js")) {
            assertThat(visitor().get(page).location()).as(page).endsWith("/signin");
        }
    }

    @Test
    void swaggerUiOpensTheDocumentUnderTheApplicationsContentSecurityPolicy() {
        WebSession owner = signedInOwner();
        WebSession.Page welcome = owner.get("/swagger-ui.html");
        assertThat(welcome.status()).isEqualTo(302);
        assertThat(welcome.location()).endsWith("/swagger-ui/index.html");
        WebSession.Page index = owner.get("/swagger-ui/index.html");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.document().select("script:not([src])")).as("no inline scripts").isEmpty();
        String csp = index.header("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
        String initializer = owner.get("/swagger-ui/swagger-initializer.js").body();
        assertThat(initializer).contains("/v3/api-docs").doesNotContain("petstore");
        WebSession.Page config = owner.api("GET", "/v3/api-docs/swagger-config", null);
        assertThat(WebSession.json(config).path("url").asString()).isEqualTo("/v3/api-docs");
        assertThat(initializer + config.body()).as("no validator badge, whose image the policy would refuse")
                .containsPattern("\"validatorUrl\"\\s*:\\s*\"none\"");
        assertThat(owner.get("/v3/api-docs.yaml").body()).startsWith("openapi:");
    }

    private WebSession signedInOwner() {
        WebSession owner = visitor();
        owner.signUp("Described Dentistry", "Dee Scribe", uniqueEmail("openapi"), PASSWORD);
        return owner;
    }

    private JsonNode servedDocument() {
        WebSession.Page document = signedInOwner().api("GET", "/v3/api-docs", null);
        assertThat(document.status()).isEqualTo(200);
        return WebSession.json(document);
    }

    /** METHOD /path of every handler method under /api/v1. */
    private Set<String> apiRoutes() {
        Set<String> routes = new TreeSet<>();
        handlerMapping.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
            if (pattern.startsWith("/api/v1/") || pattern.equals("/api/v1")) {
                info.getMethodsCondition().getMethods().forEach(method -> routes.add(method.name() + " " + pattern));
            }
        }));
        return routes;
    }

    /** Keys sorted at every level and indented, so that the checked-in copy reads and diffs well. */
    static String normalised(String json) {
        return PRETTY.writeValueAsString(sorted(PRETTY.readTree(json))) + "\n";
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> fields = new TreeMap<>();
            node.properties().forEach(field -> fields.put(field.getKey(), sorted(field.getValue())));
            return fields;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(sorted(item)));
            return items;
        }
        return node;
    }
}
