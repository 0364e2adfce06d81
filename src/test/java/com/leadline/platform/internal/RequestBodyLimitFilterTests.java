package com.leadline.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.servlet.FilterChain;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** A chunked body read past the cap by anything after the filter (a filter, a message converter) is a 413, never a 500. */
class RequestBodyLimitFilterTests {

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(DataSize.ofKilobytes(1), java.util.List.of());

    @Test
    void aReaderFailingOnAChunkedBodyPastTheCapIsAnswered413() throws Exception {
        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(chunked(2_000), refused, (request, response) -> {
            try {
                request.getInputStream().readAllBytes();
            } catch (IOException e) {
                // As Spring's FormContentFilter or a converter would: the failure arrives wrapped.
                throw new UncheckedIOException(e);
            }
        });
        assertThat(refused.getStatus()).isEqualTo(413);
        assertThat(refused.getErrorMessage()).isNull();
    }

    @Test
    void otherFailuresAndOnesAfterTheAnswerHasStartedAreLeftAlone() {
        IOException elsewhere = new IOException("the database went away");
        assertThat(catchThrowable(() -> filter.doFilter(chunked(10), new MockHttpServletResponse(), failWith(elsewhere))))
                .isSameAs(elsewhere);

        MockHttpServletResponse committed = new MockHttpServletResponse();
        Throwable failure = catchThrowable(() -> filter.doFilter(chunked(2_000), committed, (request, response) -> {
            response.flushBuffer();
            request.getInputStream().readAllBytes();
        }));
        assertThat(RequestBodyLimitFilter.exceeded(failure)).isTrue();
        assertThat(committed.getStatus()).isEqualTo(200);
    }

    private static FilterChain failWith(IOException failure) {
        return (request, response) -> {
            throw failure;
        };
    }

    private static MockHttpServletRequest chunked(int bytes) {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/inbox/conversations/x/note") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContent(new byte[bytes]);
        request.setContentType("application/x-www-form-urlencoded");
        return request;
    }
}
