package com.leadline.testing;

import com.leadline.integrations.internal.webhooks.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Leadline's host resolver in tests (this machine has no DNS): names a test chose resolve to the
 * addresses it chose, and can answer differently from one lookup to the next (a rebinding DNS
 * answer); IP literals resolve to themselves; any other name is unknown. Tests pick unique names
 * ({@code *.test}), so they do not disturb each other.
 */
public class TestHostResolver implements HostResolver {

    private final Map<String, Deque<List<InetAddress>>> answers = new ConcurrentHashMap<>();

    /** From now on {@code name} resolves to {@code addresses}. */
    public void map(String name, String... addresses) {
        Deque<List<InetAddress>> sequence = new ArrayDeque<>();
        sequence.add(parse(addresses));
        answers.put(key(name), sequence);
    }

    /**
     * {@code name} resolves to {@code first} for the next {@code times} lookups, then to {@code then} for
     * good: a name that passes the check at save and leads elsewhere at delivery.
     */
    public void mapThenRebind(String name, int times, List<String> first, List<String> then) {
        Deque<List<InetAddress>> sequence = new ArrayDeque<>();
        for (int i = 0; i < times; i++) {
            sequence.add(parse(first.toArray(String[]::new)));
        }
        sequence.add(parse(then.toArray(String[]::new)));
        answers.put(key(name), sequence);
    }

    @Override
    public synchronized List<InetAddress> resolve(String host) throws UnknownHostException {
        Deque<List<InetAddress>> sequence = answers.get(key(host));
        if (sequence != null) {
            return sequence.size() > 1 ? sequence.poll() : sequence.peek();
        }
        if (host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return List.of(InetAddress.getByName(host));
        }
        throw new UnknownHostException(host + " is not mapped by the test resolver");
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static List<InetAddress> parse(String... literals) {
        try {
            List<InetAddress> addresses = new java.util.ArrayList<>();
            for (String literal : literals) {
                addresses.add(InetAddress.getByName(literal));
            }
            return List.copyOf(addresses);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
