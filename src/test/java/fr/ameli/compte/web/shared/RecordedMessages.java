package fr.ameli.compte.web.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a page bean said, by client id ({@code null}: at the top of the page), for unit tests. */
public final class RecordedMessages implements PageMessages {

    private final Map<String, List<String>> said = new LinkedHashMap<>();

    @Override
    public void error(String clientId, String text) {
        said.computeIfAbsent(clientId, id -> new ArrayList<>()).add(text);
    }

    @Override
    public boolean hasErrors() {
        return !said.isEmpty();
    }

    /** The messages at this client id (null: the page's own). */
    public List<String> at(String clientId) {
        return said.getOrDefault(clientId, List.of());
    }

    /** The client ids that got a message, in the order they got it. */
    public List<String> fields() {
        return new ArrayList<>(said.keySet());
    }
}
