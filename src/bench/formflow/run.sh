#!/bin/bash
# Whole journeys measured by a light load driver (formflow.py, Python's standard library only,
# about 0.1 core at 50 users), so that the service has the processor that Gatling would take
# (docs/BENCHMARKS.md « Light driver »). The driver is not part of this repository: give the
# directory that holds formflow.py, smtp_sink.py and make-ameli-bench.py.
#
#   src/bench/formflow/run.sh DRIVER_DIR [USERS=50] [JOURNEYS=1000] [PERSONS=10000]
#   ATTACK=1 src/bench/formflow/run.sh …   the same while attack.py attacks (issue 28 §1)
#
# After `mvn -B -DskipTests package`, the machine otherwise idle. In target/formflow/:
#   1. a register of PERSONS fictitious persons and one row of variables per journey;
#   2. an SMTP sink writing each mail as a file; the service (target/compte-ameli.war on
#      target/payara-micro.jar, the Docker image's JVM options, embedded Derby) importing the
#      register, trusting 127.0.0.1 as its reverse proxy: each virtual user says it comes from an
#      address of its own (counted.py), so the per-address limits apply as in production;
#   3. a warm-up of 200 journeys by 20 users, then JOURNEYS journeys by USERS users
#      (ameli-journey.json beside this script): register, « Activer mon compte » from the mail's
#      link, log in, the security code from its mail, « Mon espace »;
#   4. results.txt: the driver's report (journeys/s, each step's p50/p95/p99), the service's
#      processor time over the measured journeys (Linux /proc), the code-hashing threads' share of
#      it, the requests sent (counted.py), and from a flight recording (JFR) of the measured
#      journeys where the processor time outside hashing goes (profile.py).
# The service runs from Payara Micro's jar, without the Docker image's class-data archive: a
# flight recording and the archive do not mix on this Java (payara-config/class-data-archive.sh).
set -euo pipefail

driver=${1:?"usage: $0 DRIVER_DIR [USERS] [JOURNEYS] [PERSONS]"}
users=${2:-50} journeys=${3:-1000} persons=${4:-10000}
warmup_journeys=${WARMUP_JOURNEYS:-200} warmup_users=${WARMUP_USERS:-20}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
out=$repo/target/formflow
port=${PORT:-18080} smtp_port=${SMTP_PORT:-2526}
[ -f "$repo/target/compte-ameli.war" ] && [ -f "$repo/target/payara-micro.jar" ] \
    || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
[ "$persons" -ge $((warmup_journeys + journeys)) ] || { echo "PERSONS must be at least $((warmup_journeys + journeys))" >&2; exit 2; }

rm -rf "$out" && mkdir -p "$out/mail" "$out/tmp"
python3 "$driver/make-ameli-bench.py" "$persons" "$out" >/dev/null
head -1 "$out/vars.csv" > "$out/warmup.csv"; sed -n "2,$((warmup_journeys + 1))p" "$out/vars.csv" >> "$out/warmup.csv"
head -1 "$out/vars.csv" > "$out/run.csv"; sed -n "$((warmup_journeys + 2)),\$p" "$out/vars.csv" >> "$out/run.csv"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
python3 "$driver/smtp_sink.py" "$smtp_port" "$out/mail" >"$out/smtp.log" 2>&1 & pids+=($!)

java -Xmx768m -XX:+ExitOnOutOfMemoryError -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19 \
    -Djava.io.tmpdir="$out/tmp" -Dameli.data-dir="$out/data" -Dameli.base-url="http://127.0.0.1:$port/" \
    -Dameli.registry.csv="$out/register.csv" -Dameli.mail.mode=smtp -Dameli.smtp.host=127.0.0.1 \
    -Dameli.smtp.port="$smtp_port" -Dameli.trusted-proxies=127.0.0.1 -XX:FlightRecorderOptions:stackdepth=256 \
    -jar "$repo/target/payara-micro.jar" --deploy "$repo/target/compte-ameli.war" --contextroot / \
    --port "$port" --nocluster \
    --prebootcommandfile "$repo/payara-config/pre-boot-commands.asadmin" \
    --postbootcommandfile "$repo/payara-config/post-boot-commands.asadmin" >"$out/service.log" 2>&1 & service=$!
pids+=($service)
for _ in $(seq 600); do
    grep -q "Register $out/register.csv: " "$out/service.log" 2>/dev/null && break
    kill -0 "$service" 2>/dev/null || { tail -40 "$out/service.log" >&2; exit 1; }
    sleep 0.5
done
grep -o "Register $out/register.csv: .*" "$out/service.log" | head -1
until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do
    kill -0 "$service" 2>/dev/null || { tail -40 "$out/service.log" >&2; exit 1; }
    sleep 0.2
done

flow() { python3 "$here/counted.py" "$driver" "$out/requests" --base "http://127.0.0.1:$port" --scenario "$here/ameli-journey.json" \
    --maildir "$out/mail" --dump-dir "$out/failed" "$@"; }
flow --users "$warmup_users" --journeys "$warmup_journeys" --vars "$out/warmup.csv" >"$out/warmup.txt" 2>&1 \
    || { cat "$out/warmup.txt" >&2; exit 1; }

# Processor ticks (utime + stime) of the process, and of its code-hashing threads (Linux names a
# Java thread's task after its first 15 characters).
ticks() { awk '{print $14 + $15}' "/proc/$service/stat"; }
hashing_ticks() {
    local sum=0 task
    for task in /proc/"$service"/task/*; do
        if grep -q '^code-hashing' "$task/comm" 2>/dev/null; then
            sum=$((sum + $(sed 's/.*) //' "$task/stat" | awk '{print $12 + $13}')))
        fi
    done
    echo "$sum"
}
hz=$(getconf CLK_TCK)
before=$(ticks) hashing_before=$(hashing_ticks)
jcmd "$service" JFR.start name=journeys settings=profile >/dev/null
if [ -n "${ATTACK:-}" ]; then
    # Issue 28 §1: 64 login POSTs at once from one address and 8 slow bodies, for the whole measured run.
    # The attacker shares this machine's cores with the service (a real one has its own): it runs at a
    # lower priority (ATTACK_NICE, 10), so that what is measured is mostly the service's answer to it.
    nice -n "${ATTACK_NICE:-10}" python3 "$here/attack.py" "http://127.0.0.1:$port" 3600 "$out/attack.json" >"$out/attack.txt" 2>&1 & attack=$!
    pids+=($attack)
fi
flow --users "$users" --journeys "$journeys" --vars "$out/run.csv" --watch-pid "$service" \
    --json-out "$out/results.json" >"$out/run.txt" 2>&1 || true
if [ -n "${ATTACK:-}" ]; then kill -TERM "$attack"; wait "$attack" || true; cat "$out/attack.txt" >>"$out/run.txt"; fi
after=$(ticks) hashing_after=$(hashing_ticks)
jcmd "$service" JFR.dump name=journeys filename="$out/journeys.jfr" >/dev/null
jcmd "$service" JFR.stop name=journeys >/dev/null

{
    cat "$out/run.txt"
    echo
    python3 "$here/profile.py" "$out/journeys.jfr" "$out/results.json" "$(cat "$out/requests")" \
        "$(( (after - before) * 1000 / hz ))" "$(( (hashing_after - hashing_before) * 1000 / hz ))"
} | tee "$out/results.txt"
