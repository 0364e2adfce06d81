package com.leadline.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Who started the work the current thread does: a person's web request (from which address, in which
 * session) or a named system actor (a relay, a schedule, an event listener, a seeder). The audit log
 * and the rate limiter read it from here, so use cases do not carry the client's address in their
 * signatures. Work outside a web request must name its system actor; asking for the caller where
 * nobody set one is a bug and throws.
 */
public final class CallerContext {

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    private CallerContext() {
    }

    /**
     * A person's request or a system actor. The session is read when asked for, since signing in
     * replaces the session in the middle of the request.
     */
    public static final class Caller {

        private final String systemActor;
        private final String clientAddress;
        private final Supplier<String> sessionId;

        private Caller(String systemActor, String clientAddress, Supplier<String> sessionId) {
            this.systemActor = systemActor;
            this.clientAddress = clientAddress;
            this.sessionId = sessionId;
        }

        public boolean isSystem() {
            return systemActor != null;
        }

        /** The system actor's name, or null for a person's request. */
        public String systemActor() {
            return systemActor;
        }

        /** The client's address ({@link ClientAddress}), or null for a system actor. */
        public String clientAddress() {
            return clientAddress;
        }

        /**
         * A reference to the request's session that tells sessions apart without being one: the first
         * 16 hex digits of the SHA-256 of its id (a session id is a credential). Null without a session.
         */
        public String sessionReference() {
            String id = sessionId.get();
            return id == null ? null : digest(id);
        }
    }

    /** Undoes {@link #enterRequest}; for try-with-resources. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    public static Caller current() {
        Caller caller = CURRENT.get();
        if (caller == null) {
            throw new IllegalStateException("No caller on this thread: work outside a web request runs as a named system "
                    + "actor (CallerContext.runAsSystem)");
        }
        return caller;
    }

    /** For the web filter: the rest of this request on this thread is the person's at this address and session. */
    public static Scope enterRequest(String clientAddress, Supplier<String> sessionId) {
        return enter(new Caller(null, clientAddress, sessionId));
    }

    public static void runAsSystem(String actorName, Runnable work) {
        callAsSystem(actorName, () -> {
            work.run();
            return null;
        });
    }

    /** Runs the work as the named system actor, also inside a request (an event listener's work is the system's). */
    public static <T> T callAsSystem(String actorName, Supplier<T> work) {
        if (actorName == null || actorName.isBlank()) {
            throw new IllegalArgumentException("A system actor has a name");
        }
        try (Scope ignored = enter(new Caller(actorName, null, () -> null))) {
            return work.get();
        }
    }

    private static Scope enter(Caller caller) {
        Caller outer = CURRENT.get();
        CURRENT.set(caller);
        return () -> {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        };
    }

    private static String digest(String sessionId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
