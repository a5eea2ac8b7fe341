#!/usr/bin/env python3
"""counted.py DRIVER_DIR COUNT_FILE [formflow.py arguments...] - runs the light driver unchanged,
counting the HTTP requests it sends (each redirect followed is one), and writes the count to
COUNT_FILE when it ends: the denominator of the service's processor time per request.

Each virtual user also says, as a reverse proxy would, that it comes from its own address
(X-Forwarded-For: 10.0.x.y; the service trusts 127.0.0.1 as its proxy): the per-address limits
apply to each user as they would to people, instead of all users sharing 127.0.0.1's."""
import atexit, http.client, itertools, sys, threading

driver, count_file = sys.argv[1], sys.argv[2]
sys.path.insert(0, driver)
import formflow  # noqa: E402  (the driver's directory is known only now)

lock, sent = threading.Lock(), [0]
once = formflow.Session._once


def counting_once(self, *args, **kwargs):
    answer = once(self, *args, **kwargs)
    with lock:
        sent[0] += 1
    return answer


formflow.Session._once = counting_once

addresses, numbers = {}, itertools.count(1)
request = http.client.HTTPConnection.request


def request_from_own_address(self, method, url, body=None, headers=None, **kwargs):
    thread = threading.get_ident()
    with lock:
        if thread not in addresses:
            n = next(numbers)
            addresses[thread] = "10.0.%d.%d" % (n // 250, n % 250 + 1)
    headers = dict(headers or {}, **{"X-Forwarded-For": addresses[thread]})
    return request(self, method, url, body=body, headers=headers, **kwargs)


http.client.HTTPConnection.request = request_from_own_address
atexit.register(lambda: open(count_file, "w").write("%d\n" % sent[0]))
sys.argv = [driver + "/formflow.py"] + sys.argv[3:]
formflow.main()
