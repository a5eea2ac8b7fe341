#!/bin/bash
# A class-data archive (Java's AppCDS) of Payara Micro and the service, so that the server starts
# 3.5–5 s sooner on 2 cores: the classes it loads at every start are read ready-made from one mapped file
# instead of being read from their jars, parsed and verified again (docs/BENCHMARKS.md « Cold start »).
#
#   payara-config/class-data-archive.sh PAYARA_MICRO_JAR ROOT_DIR WAR [java options...]
#
# writes, in ROOT_DIR (made if needed, kept: the server runs from it from then on):
#   launch-micro.jar     Payara Micro unpacked there, with a launcher whose class path names its jars;
#   compte-ameli.jsa     the archive, written at the end of a training start of WAR (--warmup: the
#                        server starts, deploys, and stops) on a throwaway database.
# Then start the server with the archive, from the same ROOT_DIR and the same Java, by
#
#   payara-config/start-with-archive.sh ROOT_DIR [java options...] -- --deploy WAR --contextroot / ...
#
# which starts each time from the launcher's configuration (a root directory otherwise keeps the
# applications of the last start and would deploy them again).
# The archive belongs to that Java build and those jars: after an upgrade of either, make it again.
# A stale or foreign archive is not an error: Java says so in one line and starts without it.
# The Docker image makes it at build time (Dockerfile); the benchmark does the same (BenchPrepare).
# JAVA names the java command (default: java on the PATH).
set -euo pipefail

if [ $# -lt 3 ]; then
    sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
micro_jar=$1 root=$2 war=$3
shift 3
config=$(cd "$(dirname "$0")" && pwd)
java=${JAVA:-java}

mkdir -p "$root"
root=$(cd "$root" && pwd)
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT

"$java" -jar "$micro_jar" --rootdir "$root" --outputlauncher >"$training/launcher.log" 2>&1 \
    || { cat "$training/launcher.log" >&2; exit 1; }
# The configuration as the launcher comes with it, from which each start begins again
# (start-with-archive.sh): a root directory otherwise keeps what the last start deployed.
cp "$root/config/domain.xml" "$root/config/domain.xml.launcher"

# The training start: the service's configuration as a real start has it, its data in the
# throwaway directory (embedded Derby, mails to files), on a port nobody else uses.
rm -f "$root/compte-ameli.jsa"
if ! "$java" "$@" -XX:ArchiveClassesAtExit="$root/compte-ameli.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
        -Djava.io.tmpdir="$training" -Dameli.data-dir="$training/data" -Dameli.demo=true \
        -jar "$root/launch-micro.jar" --deploy "$war" --contextroot / --port "${TRAINING_PORT:-18299}" --nocluster \
        --prebootcommandfile "$config/pre-boot-commands.asadmin" \
        --postbootcommandfile "$config/post-boot-commands.asadmin" \
        --warmup >"$training/warmup.log" 2>&1 || [ ! -s "$root/compte-ameli.jsa" ]; then
    tail -50 "$training/warmup.log" >&2
    echo "class-data-archive: no archive written (the training start's log is above)" >&2
    exit 1
fi
cp "$root/config/domain.xml.launcher" "$root/config/domain.xml"
rm -rf "$root/applications" "$root/generated"
echo "class-data-archive: $root/compte-ameli.jsa ($(du -m "$root/compte-ameli.jsa" | cut -f1) MB), launcher $root/launch-micro.jar"
