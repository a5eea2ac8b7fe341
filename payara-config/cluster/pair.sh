#!/usr/bin/env bash
# Two Payara Micro nodes of the service on this machine, one Hazelcast cluster over loopback
# (TCP/IP discovery, no multicast), one PostgreSQL database, and nginx in front of them.
#
#   payara-config/cluster/pair.sh start     starts node-a, node-b and nginx, waits until all answer
#   payara-config/cluster/pair.sh stop      stops them (SIGTERM, then SIGKILL after 30 s)
#   payara-config/cluster/pair.sh status    prints the pids and readiness of each part
#
# Configuration, all from the environment (defaults in brackets):
#   AMELI_DATASOURCE_*   the shared database: class-name, url, database-name, user, password
#                        (required; embedded Derby cannot be shared between nodes)
#   AMELI_MAIL_MODE, AMELI_SMTP_HOST, AMELI_SMTP_PORT, AMELI_MAIL_FROM, and any other AMELI_* key
#                        are passed on to both nodes as they are
#   CLUSTER_DIR          where each node keeps its data dir, log and pid [target/cluster]
#   AMELI_WAR            [target/compte-ameli.war]    PAYARA_MICRO_JAR [target/payara-micro.jar]
#   NODE_A_PORT [8181]   NODE_B_PORT [8282]   LB_PORT: nginx's port [8080]
#   HZ_PORT_A [6900]     HZ_PORT_B [6901]     Hazelcast member ports on 127.0.0.1
#   NODE_HEAP [512m]     START_TIMEOUT: seconds to wait for both nodes [240]
#
# nginx (Debian package nginx) keeps each session on the node that served it (hash of the
# JSESSIONID cookie) and sends it to the other node when that one stops answering; the session,
# the wizard's conversation and its Faces views are there, replicated by Hazelcast. Its access
# log (CLUSTER_DIR/nginx/access.log) names the node of each request.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dir="$(realpath -m "${CLUSTER_DIR:-$root/target/cluster}")"
war="$(realpath -m "${AMELI_WAR:-$root/target/compte-ameli.war}")"
jar="$(realpath -m "${PAYARA_MICRO_JAR:-$root/target/payara-micro.jar}")"
port_a="${NODE_A_PORT:-8181}"
port_b="${NODE_B_PORT:-8282}"
lb_port="${LB_PORT:-8080}"
hz_a="${HZ_PORT_A:-6900}"
hz_b="${HZ_PORT_B:-6901}"
heap="${NODE_HEAP:-512m}"
timeout="${START_TIMEOUT:-240}"

say() { echo "[pair] $*"; }

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

ready() { curl -fs -o /dev/null --max-time 5 "http://127.0.0.1:$1/health/ready"; }

start_node() {
    local name="$1" port="$2" hz="$3"
    local node_dir="$dir/$name"
    mkdir -p "$node_dir/data"
    if alive "$node_dir/pid"; then
        say "$name already runs (pid $(cat "$node_dir/pid"))"
        return
    fi
    # The members list names both Hazelcast ports on loopback: each node finds the other by TCP.
    # --nohostaware: both members share one address here, and session backups must still go to
    # the other member (Payara's default keeps backups off members with the same address).
    nohup java -XX:TieredStopAtLevel=1 -Xmx"$heap" \
        -Dameli.data-dir="$node_dir/data" \
        -jar "$jar" --deploy "$war" --contextroot / --port "$port" \
        --name "$name" --clustername compte-ameli \
        --clustermode "tcpip:127.0.0.1:$hz_a,127.0.0.1:$hz_b" \
        --interfaces 127.0.0.1 --startport "$hz" --nohostaware \
        --prebootcommandfile "$root/payara-config/cluster/pre-boot-commands.asadmin" \
        --postbootcommandfile "$root/payara-config/post-boot-commands.asadmin" \
        >"$node_dir/server.log" 2>&1 &
    echo $! >"$node_dir/pid"
    say "$name starting: pid $!, http://127.0.0.1:$port/, Hazelcast 127.0.0.1:$hz, log $node_dir/server.log"
}

start_nginx() {
    local nginx_dir="$dir/nginx"
    local nginx
    nginx="$(command -v nginx || echo /usr/sbin/nginx)"
    [ -x "$nginx" ] || { say "nginx is not installed (Debian: apt-get install nginx)"; exit 1; }
    mkdir -p "$nginx_dir/tmp"
    if alive "$nginx_dir/nginx.pid"; then
        say "nginx already runs"
        return
    fi
    sed -e "s/@NODE_A@/127.0.0.1:$port_a/" -e "s/@NODE_B@/127.0.0.1:$port_b/" -e "s/@LISTEN@/127.0.0.1:$lb_port/" \
        "$here/nginx.conf" >"$nginx_dir/nginx.conf"
    "$nginx" -p "$nginx_dir" -c "$nginx_dir/nginx.conf" -e "$nginx_dir/error.log"
    say "nginx on http://127.0.0.1:$lb_port/ (log $nginx_dir/access.log)"
}

stop_pid() {
    local pid_file="$1" name="$2"
    if alive "$pid_file"; then
        local pid
        pid="$(cat "$pid_file")"
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -9 "$pid" 2>/dev/null || true
        say "$name stopped"
    fi
    rm -f "$pid_file"
}

case "${1:-}" in
start)
    [ -n "${AMELI_DATASOURCE_URL:-}" ] || { say "set AMELI_DATASOURCE_* to the shared database (see README)"; exit 2; }
    [ -f "$war" ] && [ -f "$jar" ] || { say "build first: mvn -B -DskipTests package"; exit 2; }
    export AMELI_BASE_URL="${AMELI_BASE_URL:-http://localhost:$lb_port/}"
    # Both nodes forward the client's address from nginx (X-Forwarded-For) to throttling.
    export AMELI_TRUSTED_PROXIES="${AMELI_TRUSTED_PROXIES:-127.0.0.1}"
    mkdir -p "$dir"
    start_node node-a "$port_a" "$hz_a"
    start_node node-b "$port_b" "$hz_b"
    start_nginx
    deadline=$((SECONDS + timeout))
    for node in "node-a:$port_a" "node-b:$port_b"; do
        name="${node%%:*}"; port="${node##*:}"
        until ready "$port"; do
            if ! alive "$dir/$name/pid"; then say "$name died; see $dir/$name/server.log"; tail -30 "$dir/$name/server.log"; exit 1; fi
            if [ $SECONDS -ge $deadline ]; then say "$name not ready after ${timeout}s; see $dir/$name/server.log"; exit 1; fi
            sleep 1
        done
        say "$name ready"
    done
    until grep -qs "DG Size: 2" "$dir/node-a/server.log" "$dir/node-b/server.log"; do
        if [ $SECONDS -ge $deadline ]; then say "the two nodes did not form one cluster; see $dir/node-*/server.log"; exit 1; fi
        sleep 1
    done
    say "cluster of 2 members up; service on http://127.0.0.1:$lb_port/"
    ;;
stop)
    stop_pid "$dir/nginx/nginx.pid" nginx
    stop_pid "$dir/node-a/pid" node-a
    stop_pid "$dir/node-b/pid" node-b
    ;;
status)
    for name in node-a node-b; do
        if alive "$dir/$name/pid"; then echo "$name: pid $(cat "$dir/$name/pid")"; else echo "$name: stopped"; fi
    done
    if alive "$dir/nginx/nginx.pid"; then echo "nginx: pid $(cat "$dir/nginx/nginx.pid")"; else echo "nginx: stopped"; fi
    ;;
*)
    sed -n '2,9p' "$0"
    exit 2
    ;;
esac
