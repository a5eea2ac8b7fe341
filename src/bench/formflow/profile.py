#!/usr/bin/env python3
"""profile.py JFR RESULTS_JSON REQUESTS SERVICE_MS HASHING_MS - the service's processor time over
the measured journeys: per journey, per request once the code hashes are taken out, and where the
rest goes (execution samples of the flight recording outside the code-hashing threads: the share
of samples with each component on the stack, then the methods the samples were in)."""
import collections, json, re, subprocess, sys

jfr, results, requests, service_ms, hashing_ms = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
summary = json.load(open(results))
journeys = summary["journeys_ok"]
print("service processor time over the %d journeys: %.1f s, %.0f ms a journey; code hashing %.1f s (%.0f ms a journey)"
      % (journeys, service_ms / 1000, service_ms / max(journeys, 1), hashing_ms / 1000, hashing_ms / max(journeys, 1)))
print("HTTP requests sent: %d (%.1f a journey); processor time per request, hashing taken out: (%.1f - %.1f s) / %d = %.2f ms"
      % (requests, requests / max(journeys, 1), service_ms / 1000, hashing_ms / 1000, requests,
         (service_ms - hashing_ms) / max(requests, 1)))

COMPONENTS = [  # (prefix of a frame, name): a sample counts once for each component on its stack
    ("fr.ameli.compte.web", "service: web layer (pages, filters)"), ("fr.ameli.compte.application", "service: application (EJBs)"),
    ("fr.ameli.compte.infrastructure", "service: infrastructure"), ("fr.ameli.compte.domain", "service: domain"),
    ("com.sun.faces.facelets", "Mojarra: Facelets (building the view)"),
    ("com.sun.faces.renderkit", "Mojarra: rendering"), ("com.sun.faces.application.view", "Mojarra: view state / handler"),
    ("com.sun.faces.lifecycle", "Mojarra: lifecycle"), ("com.sun.faces", "Mojarra (all)"), ("jakarta.faces", "Faces API (components)"),
    ("org.jboss.weld", "Weld (CDI)"), ("com.sun.ejb", "EJB container"), ("org.glassfish.ejb", "EJB container"),
    ("org.eclipse.persistence", "EclipseLink"), ("org.apache.derby", "Derby"),
    ("com.sun.enterprise.transaction", "transactions"), ("com.sun.enterprise.resource", "connection pool"),
    ("org.glassfish.soteria", "Jakarta Security (Soteria)"), ("com.sun.web.security", "web security (JACC)"),
    ("fish.payara.security", "Payara security"), ("org.apache.catalina", "servlet container (Catalina)"),
    ("org.glassfish.grizzly", "HTTP (Grizzly)"), ("com.github.mustachejava", "Mustache (mails)"),
    ("jakarta.mail", "Jakarta Mail"), ("com.sun.mail", "Jakarta Mail"), ("org.eclipse.angus", "Jakarta Mail"),
    ("java.util.regex", "regular expressions"), ("java.util.zip", "zip/gzip"),
    ("sun.security", "JDK security (SecureRandom, MACs)"), ("javax.crypto", "JDK crypto"),
]

text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "128", jfr],
                      check=True, capture_output=True, text=True).stdout
inclusive, leaf, threads = collections.Counter(), collections.Counter(), collections.Counter()
total = hashing = 0
for event in text.split("jdk.ExecutionSample {")[1:]:
    m = re.search(r'sampledThread = "([^"]*)"', event)
    thread = m.group(1) if m else "?"
    frames = re.findall(r"^\s+([\w$.<>]+)\(", event, re.M)
    total += 1
    if thread.startswith("code-hashing"):
        hashing += 1
        continue
    threads[re.sub(r"[-(:]?\d+\)?$", "", re.sub(r"\s.*", "", thread))] += 1
    if frames:
        leaf[frames[0]] += 1
    inclusive.update({name for prefix, name in COMPONENTS for f in frames if f.startswith(prefix)})
rest = total - hashing
print("\nflight recording: %d execution samples, %d (%.0f %%) in the code-hashing threads; the %d others:"
      % (total, hashing, 100.0 * hashing / max(total, 1), rest))
print("\n  share of the other samples with this on the stack:")
for name, n in inclusive.most_common():
    print("  %5.1f %%  %s" % (100.0 * n / max(rest, 1), name))
print("\n  threads:")
for name, n in threads.most_common(8):
    print("  %5.1f %%  %s" % (100.0 * n / max(rest, 1), name))
print("\n  methods the samples were in (top 25):")
for name, n in leaf.most_common(25):
    print("  %5.1f %%  %s" % (100.0 * n / max(rest, 1), name))
