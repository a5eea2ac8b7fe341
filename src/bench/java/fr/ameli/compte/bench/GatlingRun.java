package fr.ameli.compte.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The figures of the latest Gatling run of a simulation, as its report's js/stats.js gives them. */
final class GatlingRun {

    /** The whole simulation's stats: {@code numberOfRequests.total}, {@code .ko}, ... */
    final JsonNode all;
    /** One element per request name, each with its {@code stats}. */
    final JsonNode requests;

    private GatlingRun(JsonNode stats) {
        this.all = stats.path("stats");
        this.requests = stats.path("contents");
    }

    /** The latest run of {@code simulation} (its class name in lower case) under Gatling's results folder. */
    static GatlingRun latest(Path gatlingResults, String simulation) throws IOException {
        try (Stream<Path> runs = Files.list(gatlingResults)) {
            Path latest = runs.filter(p -> p.getFileName().toString().startsWith(simulation + "-"))
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .orElseThrow(() -> new IllegalStateException("no Gatling run of " + simulation + " in " + gatlingResults));
            // js/stats.js: "var stats = {…}" (a JavaScript object: unquoted keys, numbers as strings), then functions.
            String script = Files.readString(latest.resolve("js").resolve("stats.js"), StandardCharsets.UTF_8);
            ObjectMapper json = new ObjectMapper();
            json.getFactory().enable(JsonParser.Feature.ALLOW_UNQUOTED_FIELD_NAMES);
            return new GatlingRun(json.readTree(script.substring(script.indexOf('{'))));
        }
    }

    /** The stats of one request, by its name. */
    JsonNode request(String name) {
        for (JsonNode request : requests) {
            if (request.path("stats").path("name").asText().equals(name)) {
                return request.path("stats");
            }
        }
        throw new IllegalStateException("no request " + name + " in the Gatling report");
    }
}
