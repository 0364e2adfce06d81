package com.leadline.platform.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session's JDBC repository, except that a request which only touches a session no longer
 * writes it: the last-access time is stored only once it has moved by {@code granularity}. Without
 * this, every request of a signed-in user was a committed UPDATE of the session row (a WAL flush),
 * the most expensive part of a request to the inbox API. The price: the idle timeout counts from
 * the last stored access, so a session can end up to {@code granularity} earlier than exactly
 * {@code spring.session.timeout} after the last request.
 */
final class SparingSessionRepository implements FindByIndexNameSessionRepository<SparingSessionRepository.SparingSession> {

    private final FindByIndexNameSessionRepository<Session> sessions;
    private final Duration granularity;

    @SuppressWarnings("unchecked")
    SparingSessionRepository(FindByIndexNameSessionRepository<? extends Session> sessions, Duration granularity) {
        this.sessions = (FindByIndexNameSessionRepository<Session>) sessions;
        this.granularity = granularity;
    }

    @Override
    public SparingSession createSession() {
        return new SparingSession(sessions.createSession());
    }

    @Override
    public void save(SparingSession session) {
        sessions.save(session.stored);
    }

    @Override
    public SparingSession findById(String id) {
        Session stored = SessionTransactions.lookUp(() -> sessions.findById(id));
        return stored == null ? null : new SparingSession(stored);
    }

    @Override
    public void deleteById(String id) {
        sessions.deleteById(id);
    }

    @Override
    public Map<String, SparingSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, SparingSession> found = new LinkedHashMap<>();
        sessions.findByIndexNameAndIndexValue(indexName, indexValue).forEach((id, stored) -> found.put(id, new SparingSession(stored)));
        return found;
    }

    /** The stored session as it is, but for a last-access time that changes only by whole {@code granularity} steps. */
    final class SparingSession implements Session {

        private final Session stored;

        private SparingSession(Session stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (!lastAccessedTime.isBefore(stored.getLastAccessedTime().plus(granularity))) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
