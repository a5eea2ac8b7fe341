#!/bin/bash
# Starts Payara Micro from the class-data archive that class-data-archive.sh made in ROOT_DIR:
#
#   payara-config/start-with-archive.sh [--copy-to RUN_DIR] ROOT_DIR [java options...] -- [Payara Micro arguments...]
#
# e.g. payara-config/start-with-archive.sh /opt/payara/micro-root -XX:MaxRAMPercentage=70.0 -- \
#          --deploy compte-ameli.war --contextroot / --port 8080 --nocluster ...
#
# A Payara Micro root directory keeps its configuration from one start to the next, deployed
# applications included: a start after one that was killed would deploy the WAR twice, the old
# copy first. So each start begins from the configuration the launcher came with, and without
# the applications a previous start left there; then Java replaces this script (same process, it
# receives the signals).
#
# --copy-to RUN_DIR: ROOT_DIR stays untouched (read-only: the Docker image), and each start runs
# from a fresh copy of it in RUN_DIR (on the writable data volume; Payara Micro needs its root
# directory writable), files' times kept, the archive read where it is; RUN_DIR/tmp is Java's
# temporary folder. The archive matches only if it was made with ROOT_DIR at the path RUN_DIR
# (class-data-archive.sh RUN_DIR, then moved to ROOT_DIR: what the Dockerfile does).
set -euo pipefail

copy_to=
if [ "${1:-}" = "--copy-to" ]; then
    copy_to=${2:?"usage: $0 [--copy-to RUN_DIR] ROOT_DIR [java options...] -- [Payara Micro arguments...]"}
    shift 2
fi
root=${1:?"usage: $0 [--copy-to RUN_DIR] ROOT_DIR [java options...] -- [Payara Micro arguments...]"}
shift
jvm=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    jvm+=("$1")
    shift
done
[ $# -gt 0 ] && shift

[ -f "$root/config/domain.xml.launcher" ] || { echo "$root: no launcher configuration (run class-data-archive.sh)" >&2; exit 2; }
run=$root
if [ -n "$copy_to" ]; then
    run=$copy_to
    rm -rf "${run:?}"
    mkdir -p "$run/tmp"
    for entry in "$root"/* "$root"/.[!.]*; do
        if [ -e "$entry" ] && [ "$(basename "$entry")" != compte-ameli.jsa ]; then
            cp -a "$entry" "$run/"
        fi
    done
    jvm+=("-Djava.io.tmpdir=$run/tmp")
fi
cp "$run/config/domain.xml.launcher" "$run/config/domain.xml"
rm -rf "$run/applications" "$run/generated"
exec "${JAVA:-java}" -XX:SharedArchiveFile="$root/compte-ameli.jsa" "${jvm[@]}" -jar "$run/launch-micro.jar" "$@"
