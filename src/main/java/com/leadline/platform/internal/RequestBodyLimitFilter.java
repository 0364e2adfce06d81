package com.leadline.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import com.leadline.platform.UploadRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body ({@code leadline.request.max-body-size}, 64 KB by default), but for the routes a
 * module declares as {@link UploadRoute}s (the contacts import), each capped at its own size. A declared Content-Length over the cap is answered 413 before a byte of the body is read;
 * a chunked body is counted as it is read and fails once it passes the cap, so a JSON body is never
 * parsed whole, and whatever read it past the cap is answered 413. Tomcat parses POSTed forms itself,
 * from its own stream: it gets the same cap (maxPostSize; for a multipart upload that counts its fields, not its
 * file). Multipart bodies are refused but on a multipart upload route ({@link TextInputFilter}), and Spring's
 * FormContentFilter is off (no page sends a form with PUT, PATCH or DELETE), so no other body is parsed as a form.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    static final String REFUSAL = "The request body is larger than this server accepts.";
    private static final Logger log = LoggerFactory.getLogger(RequestBodyLimitFilter.class);

    private final long maxBytes;
    private final List<UploadRoute> uploads;

    RequestBodyLimitFilter(@Value("${leadline.request.max-body-size}") DataSize maxBodySize, List<UploadRoute> uploads) {
        this.maxBytes = maxBodySize.toBytes();
        this.uploads = List.copyOf(uploads);
    }

    /** The cap of this request: its upload route's, or the common one. */
    private long capOf(HttpServletRequest request) {
        for (UploadRoute upload : uploads) {
            if (upload.matches(request)) {
                return upload.maxBody().toBytes();
            }
        }
        return maxBytes;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit() {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(this);
        // After the character encoding filter, before anything that reads a parameter, the session or the database.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Tomcat parses forms itself: the same cap, over Spring Boot's own 2 MB default (this customizer runs after Boot's). */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> formSizeLimit() {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setMaxPostSize(Math.toIntExact(maxBytes)));
    }

    /** Whether reading this body failed because it passed the cap (the failure arrives wrapped by the reader). */
    static boolean exceeded(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = capOf(request);
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            log.warn("Refused {} {}: a body of {} bytes, over the cap of {}", request.getMethod(), request.getRequestURI(),
                    declared, maxBytes);
            ErrorResponses.refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, REFUSAL, Map.of());
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(new CountedBody(request, maxBytes), response);
        } catch (IOException | ServletException | RuntimeException failure) {
            // Whatever read the body past the cap (a filter, a converter) and let the failure out: still a 413, not a 500.
            if (!exceeded(failure) || response.isCommitted()) {
                throw failure;
            }
            log.warn("Refused {} {}: a chunked body past the cap of {}", request.getMethod(), request.getRequestURI(), maxBytes);
            ErrorResponses.refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, REFUSAL, Map.of());
        }
    }

    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long maxBytes) {
            super("The request body passed the cap of " + maxBytes + " bytes");
        }
    }

    /** A body of unknown length (chunked), refused while it is read once it passes the cap. */
    private static final class CountedBody extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        CountedBody(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream body;
        private final long maxBytes;
        private long read;

        CountingStream(ServletInputStream body, long maxBytes) {
            this.body = body;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = body.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int bytes) throws BodyTooLargeException {
            read += bytes;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
