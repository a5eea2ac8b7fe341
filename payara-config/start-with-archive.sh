#!/bin/bash
# Starts Payara Micro from the class-data archive that class-data-archive.sh made in ROOT_DIR:
#
#   payara-config/start-with-archive.sh ROOT_DIR [java options...] -- [Payara Micro arguments...]
#
# e.g. payara-config/start-with-archive.sh /opt/payara/micro-root -XX:MaxRAMPercentage=70.0 -- \
#          --deploy compte-ameli.war --contextroot / --port 8080 --nocluster ...
#
# A Payara Micro root directory keeps its configuration from one start to the next, deployed
# applications included: a start after one that was killed would deploy the WAR twice, the old
# copy first. So each start begins from the configuration the launcher came with, and without
# the applications a previous start left there; then Java replaces this script (same process, it
# receives the signals).
set -euo pipefail

root=${1:?"usage: $0 ROOT_DIR [java options...] -- [Payara Micro arguments...]"}
shift
jvm=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    jvm+=("$1")
    shift
done
[ $# -gt 0 ] && shift

[ -f "$root/config/domain.xml.launcher" ] || { echo "$root: no launcher configuration (run class-data-archive.sh)" >&2; exit 2; }
cp "$root/config/domain.xml.launcher" "$root/config/domain.xml"
rm -rf "$root/applications" "$root/generated"
exec "${JAVA:-java}" -XX:SharedArchiveFile="$root/compte-ameli.jsa" "${jvm[@]}" -jar "$root/launch-micro.jar" "$@"
