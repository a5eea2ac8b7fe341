package fr.ameli.compte.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Raw throughput of what every visitor gets first: the login page and its style sheet, 50
 * connections kept alive, as fast as they go, each a browser with its cache (the style sheet's
 * versioned URL is cached for a year: a browser fetches it once). A 10-s warm-up comes first,
 * reported apart. No response may open an HTTP session, and the service's heap is read (after
 * full GCs) before and after the run.
 */
public class LoginPageSimulation extends Simulation {

    static final int CONNECTIONS = Integer.getInteger("bench.connections", 50);
    static final Duration LENGTH = Duration.ofSeconds(Integer.getInteger("bench.login-page-seconds", 30));
    static final String PAGE = "page de connexion";
    static final String STYLE_SHEET = "feuille de style";
    static final String WARM_UP = JourneySimulation.WARM_UP;

    private final HttpProtocolBuilder protocol = http.baseUrl(System.getProperty("bench.base-url"))
            .disableWarmUp()
            .acceptEncodingHeader("gzip, deflate")
            .acceptHeader("text/html,application/xhtml+xml,*/*");

    /** A visitor: the page and its style sheet (from the browser's cache after the first time), again and again. */
    private static ScenarioBuilder visitors(String phase, Duration length) {
        // Each visitor from an address of its own (the service trusts 127.0.0.1 as its proxy and gives one
        // address a share of its requests: ameli.requests.per-address).
        return scenario(phase + PAGE)
                .exec(session -> session.set("adresse", "10.6." + session.userId() / 250 % 250 + "." + (session.userId() % 250 + 1)))
                .exec(http(phase + PAGE + " (première)").get("/").header("X-Forwarded-For", "#{adresse}")
                        .check(status().is(200), regex("<link[^>]*href=\"([^\"]*ameli\\.css[^\"]*)\"").saveAs("css")))
                .exec(during(length).on(exec(
                        http(phase + PAGE).get("/").header("X-Forwarded-For", "#{adresse}")
                                .check(status().is(200), headerRegex("Set-Cookie", "JSESSIONID=.*").notExists()),
                        http(phase + STYLE_SHEET).get("#{css}").header("X-Forwarded-For", "#{adresse}")
                                .check(status().is(200)))));
    }

    {
        setUp(visitors(WARM_UP, Duration.ofSeconds(10)).injectOpen(atOnceUsers(CONNECTIONS))
                .andThen(visitors("", LENGTH).injectOpen(atOnceUsers(CONNECTIONS))))
                .protocols(protocol);
    }

    private long heapBefore;

    @Override
    public void before() {
        heapBefore = serviceHeap();
    }

    @Override
    public void after() {
        var heap = new BenchResults.LoginPageHeap(heapBefore, serviceHeap());
        ResultsFile.ofThisRun().update(r -> r.loginPageHeap = heap);
    }

    /** The service's heap after full GCs. */
    private static long serviceHeap() {
        try {
            return PayaraMicro.heapUsedAfterGc(BenchSetup.runningServicePid());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the service's heap", e);
        }
    }
}
