package com.leadline.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.util.List;
import java.util.Map;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** The one text rule, and the two places that apply it: the request filter and the JSON reader. */
class StorableTextTests {

    record Labels(String name, List<String> tags, Map<String, String> notes, String[] lines) {
    }

    private final JsonMapper json = JsonMapper.builder().addModule(new StorableTextJson().storableStrings()).build();

    @Test
    void nulAndHalfASurrogatePairCannotBeStoredWholePairsAndEverythingElseCan() {
        assertThat(StorableText.isStorable("Plain, ümlaut, 日本, emoji \uD83D\uDE00, tab\t and \uFFFD")).isTrue();
        assertThat(StorableText.isStorable("")).isTrue();
        assertThat(StorableText.isStorable("a\u0000b")).isFalse();
        assertThat(StorableText.isStorable("ends high \uD83D")).isFalse();
        assertThat(StorableText.isStorable("\uDE00 low first")).isFalse();
        assertThat(StorableText.isStorable("\uD83D\uD83D\uDE00")).as("a high one before a pair").isFalse();
        assertThat(StorableText.shown("q\u0000\uD800x\uD83D\uDE00")).isEqualTo("q\uFFFD\uFFFDx\uD83D\uDE00");
    }

    @Test
    void whatIsShownOrLoggedHasItsLineBreaksAndOtherControlCharactersEscaped() {
        assertThat(StorableText.shown("a\r\nforged\tline\u001b[31m\u2028end")).isEqualTo("a\\r\\nforged\\tline\\u001b[31m\\u2028end");
        assertThat(StorableText.shown("Ana \uD83D\uDE00 ü")).isEqualTo("Ana \uD83D\uDE00 ü");
    }

    @Test
    void jsonStringsAreCheckedAsFieldsListElementsArrayElementsAndMapValuesNamingThePath() {
        assertThat(json.readValue("{\"name\": \"Ana \\ud83d\\ude00\", \"tags\": [\"a\"], \"notes\": {\"k\": \"v\"}, \"lines\": [\"l\"]}",
                Labels.class).name()).isEqualTo("Ana \uD83D\uDE00");
        assertThat(refusedField("{\"name\": \"a\\u0000\"}")).isEqualTo("name");
        assertThat(refusedField("{\"tags\": [\"ok\", \"\\ud800\"]}")).isEqualTo("tags[1]");
        assertThat(refusedField("{\"notes\": {\"first\": \"\\u0000\"}}")).isEqualTo("notes.first");
        assertThat(refusedField("{\"lines\": [\"\\udfff\"]}")).isEqualTo("lines[0]");
    }

    @Test
    void jsonMapKeysAreCheckedLikeValuesNamingThePath() {
        assertThat(json.readValue("{\"notes\": {\"Ana \\ud83d\\ude00\": \"v\"}}", Labels.class).notes())
                .containsOnlyKeys("Ana \uD83D\uDE00");
        assertThat(refusedField("{\"notes\": {\"ok\": \"v\", \"a\\u0000b\": \"v\"}}")).isEqualTo("notes.a\uFFFDb");
        assertThat(refusedField("{\"notes\": {\"\\ud800\": \"v\"}}")).isEqualTo("notes.\uFFFD");
    }

    @Test
    void theFilterRefusesADecodedPathOrAParameterThatCannotBeStoredBeforeTheRestOfTheChain() throws Exception {
        MockHttpServletRequest path = new MockHttpServletRequest("GET", "/contacts/a%00b");
        path.setServletPath("/contacts/a\u0000b");
        MockHttpServletResponse refused = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        new TextInputFilter(java.util.List.of()).doFilter(path, refused, chain);
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(chain.getRequest()).as("the chain went no further").isNull();

        MockHttpServletRequest parameter = new MockHttpServletRequest("POST", "/inbox/conversations/x/note");
        parameter.setServletPath("/inbox/conversations/x/note");
        parameter.addParameter("body", "fine", "not \uDBFF fine");
        MockHttpServletResponse alsoRefused = new MockHttpServletResponse();
        new TextInputFilter(java.util.List.of()).doFilter(parameter, alsoRefused, new MockFilterChain());
        assertThat(alsoRefused.getStatus()).isEqualTo(400);

        MockHttpServletRequest clean = new MockHttpServletRequest("GET", "/contacts");
        clean.setServletPath("/contacts");
        clean.addParameter("q", "Ana \uD83D\uDE00");
        MockFilterChain passed = new MockFilterChain();
        new TextInputFilter(java.util.List.of()).doFilter(clean, new MockHttpServletResponse(), passed);
        assertThat(passed.getRequest()).isSameAs(clean);
    }

    @Test
    void parametersTomcatCannotReadAreRefusedInWordsForTheRealCauseNeverAsAnException() throws Exception {
        assertUnreadable(new InvalidParameterException(new MalformedInputException(1)), 400, "not valid UTF-8");
        assertUnreadable(new InvalidParameterException("Invalid chunk starting at byte [0] with a value of [%zz\nforged] ignored"),
                400, "malformed");
        assertUnreadable(new InvalidParameterException("Character decoding failed", new CharConversionException("isHexDigit")),
                400, "malformed");
        assertUnreadable(new InvalidParameterException(new ClientAbortException(new IOException("reset"))), 400, "could not be read");
        assertUnreadable(new InvalidParameterException("The form is too large", 413), 413, "larger than");
        // Tomcat's multipart parser, should it ever run, says the fields passed maxPostSize with a bare IllegalStateException.
        assertUnreadable(new IllegalStateException("The multi-part request contained parameter data that exceeded maxPostSize"),
                413, "larger than");
    }

    private static void assertUnreadable(IllegalStateException failure, int status, String detail) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/inbox") {
            @Override
            public Map<String, String[]> getParameterMap() {
                throw failure;
            }
        };
        MockHttpServletResponse refused = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        new TextInputFilter(java.util.List.of()).doFilter(request, refused, chain);
        assertThat(refused.getStatus()).as(failure.toString()).isEqualTo(status);
        assertThat(request.getAttribute(ErrorResponses.class.getName() + ".detail")).asString().as(failure.toString()).contains(detail);
        assertThat(chain.getRequest()).isNull();
    }

    private String refusedField(String body) {
        Throwable failure = catchThrowable(() -> json.readValue(body, Labels.class));
        return StorableTextJson.unstorableField(failure).orElseThrow(() -> new AssertionError("not refused: " + failure));
    }
}
