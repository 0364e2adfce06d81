package com.leadline.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One real SMTP server (GreenMail) for the whole test run, on a free port; it can be stopped to play "mail server down". */
public final class Smtp {

    public static final int PORT = freePort();
    private static GreenMail server = start();

    private Smtp() {
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GreenMail start() {
        GreenMail greenMail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    public static synchronized void down() {
        server.stop();
    }

    public static synchronized void up() {
        if (!server.isRunning()) {
            server = start();
        }
    }

    public static synchronized void clear() {
        up();
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static synchronized List<MimeMessage> received() {
        return Arrays.asList(server.getReceivedMessages());
    }

    public static List<MimeMessage> to(String recipient) {
        return received().stream().filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Waits (relay runs after commit, on its own thread) until the recipient has at least {@code count} messages. */
    public static List<MimeMessage> awaitMessages(String recipient, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> messages = to(recipient);
            if (messages.size() >= count) {
                return messages;
            }
            sleep();
        }
        throw new AssertionError("Expected " + count + " message(s) to " + recipient + ", got " + to(recipient).size());
    }

    /**
     * Waits for the message to the recipient whose subject contains the words: when earlier mail (an
     * invitation) is already there, counting messages would not wait for this one.
     */
    public static MimeMessage awaitMessage(String recipient, String subjectContains) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            Optional<MimeMessage> message = to(recipient).stream()
                    .filter(candidate -> subject(candidate).contains(subjectContains)).findFirst();
            if (message.isPresent()) {
                return message.get();
            }
            sleep();
        }
        throw new AssertionError("No message to " + recipient + " with \"" + subjectContains + "\" in its subject");
    }

    public static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first link in the message that starts with the given prefix. */
    public static String link(MimeMessage message, String prefix) {
        Matcher matcher = Pattern.compile(Pattern.quote(prefix) + "\\S*").matcher(body(message));
        if (!matcher.find()) {
            throw new AssertionError("No link starting with " + prefix + " in:\n" + body(message));
        }
        return matcher.group();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
