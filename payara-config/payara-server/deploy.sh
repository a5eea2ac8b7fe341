#!/usr/bin/env bash
# Deploys target/compte-ameli.war on a fresh Payara Server 6 domain with its database on
# PostgreSQL as a JDBC resource, then checks it: the login page answers and TOTO can be verified
# (wizard step 1 reaches step 2). Stops the domain at the end unless --keep-running is given.
#
#   mvn -B -DskipTests package && payara-config/payara-server/deploy.sh [--keep-running]
#
# Payara Server (fish.payara.distributions:payara:zip) is fetched through Maven into
# target/payara-server/. The domain gets free ports. PostgreSQL: AMELI_DB_HOST (127.0.0.1),
# AMELI_DB_PORT (5432), AMELI_DB_USER (ameli), AMELI_DB_PASSWORD (ameli); the account must be
# allowed to create databases: the database AMELI_DB_NAME (ameli_payara_server) is created afresh.
# Not part of mvn verify.
set -euo pipefail

cd "$(dirname "$0")/../.."
VERSION=${PAYARA_SERVER_VERSION:-6.2025.10}
KEEP_RUNNING=false
[[ "${1:-}" == "--keep-running" ]] && KEEP_RUNNING=true
WORK=$PWD/target/payara-server
WAR=$PWD/target/compte-ameli.war
DOMAIN=ameli
export TERM=${TERM:-dumb}   # asadmin multimode asks the terminal for its type
export AMELI_DB_HOST=${AMELI_DB_HOST:-127.0.0.1} AMELI_DB_PORT=${AMELI_DB_PORT:-5432}
export AMELI_DB_NAME=${AMELI_DB_NAME:-ameli_payara_server}
export AMELI_DB_USER=${AMELI_DB_USER:-ameli} AMELI_DB_PASSWORD=${AMELI_DB_PASSWORD:-ameli}

step() { printf '\n=== %s (%s)\n' "$*" "$(date +%T)"; }
[[ -f "$WAR" ]] || { echo "No $WAR: build it first (mvn -B -DskipTests package)"; exit 1; }

step "Payara Server $VERSION"
if [[ ! -x "$WORK/payara6/bin/asadmin" ]]; then
    mvn -B -q -Dstyle.color=never dependency:unpack -Dartifact="fish.payara.distributions:payara:$VERSION:zip" -DoutputDirectory="$WORK"
fi
ASADMIN="$WORK/payara6/bin/asadmin"
"$ASADMIN" version --local --terse

step "Fresh PostgreSQL database $AMELI_DB_NAME on $AMELI_DB_HOST:$AMELI_DB_PORT"
export PGPASSWORD=$AMELI_DB_PASSWORD
psql -v ON_ERROR_STOP=1 -q -h "$AMELI_DB_HOST" -p "$AMELI_DB_PORT" -U "$AMELI_DB_USER" -d postgres \
     -c "DROP DATABASE IF EXISTS $AMELI_DB_NAME" -c "CREATE DATABASE $AMELI_DB_NAME"

step "Domain $DOMAIN on free ports"
port_range_free() { ! ss -Htln | awk '{print $4}' | grep -qE ":($1[0-9][0-9])\$"; }
PORTBASE=
for base in $(shuf -i 200-600 -n 40); do
    if port_range_free "$base"; then PORTBASE=$((base * 100)); break; fi
done
[[ -n "$PORTBASE" ]] || { echo "No free port range found"; exit 1; }
ADMIN_PORT=$((PORTBASE + 48)) HTTP_PORT=$((PORTBASE + 80))
rm -rf "$WORK/domains/$DOMAIN" "$WORK/ameli-data"
"$ASADMIN" create-domain --domaindir "$WORK/domains" --nopassword=true --portbase "$PORTBASE" "$DOMAIN" | tail -3
AS=("$ASADMIN" --port "$ADMIN_PORT" --interactive=false)
echo "admin port $ADMIN_PORT, HTTP port $HTTP_PORT"

stop_domain() { "$ASADMIN" stop-domain --domaindir "$WORK/domains" "$DOMAIN" || true; }
$KEEP_RUNNING || trap stop_domain EXIT
# The environment variables the JDBC pool refers to (${ENV=AMELI_DB_...}) must be set when the server starts.
"$ASADMIN" start-domain --domaindir "$WORK/domains" "$DOMAIN"

step "asadmin: PostgreSQL driver, JDBC pool and resource, HTTP settings, system properties"
PG_DRIVER=$(unzip -Z1 "$WAR" | grep -E '^WEB-INF/lib/postgresql-.*\.jar$')
unzip -o -q -j "$WAR" "$PG_DRIVER" -d "$WORK"
"${AS[@]}" add-library "$WORK/$(basename "$PG_DRIVER")"
"${AS[@]}" multimode --file payara-config/database-postgresql.asadmin
"${AS[@]}" multimode --file payara-config/payara-server/http.asadmin
"${AS[@]}" create-system-properties \
    "ameli.datasource.jndi-name=jdbc/ameli:ameli.base-url=http\\://localhost\\:$HTTP_PORT/:ameli.data-dir=${WORK//:/\\:}/ameli-data:ameli.mail.mode=file"
"${AS[@]}" restart-domain --domaindir "$WORK/domains" "$DOMAIN"
"${AS[@]}" ping-connection-pool ameli-pool

step "Deploy $WAR at /"
"${AS[@]}" deploy --contextroot / --name compte-ameli "$WAR"

step "Smoke check on http://localhost:$HTTP_PORT/"
BASE=http://localhost:$HTTP_PORT
JAR=$(mktemp)
FAILED=0
check() { if eval "$2"; then echo "OK   $1"; else echo "FAIL $1"; FAILED=1; fi; }
unescape() { sed -e 's/&amp;/\&/g' -e "s/&#39;/'/g"; }

LOGIN_STATUS=$(curl -s -o "$WORK/login.html" -w '%{http_code}' "$BASE/")
check "login page answers 200" '[[ $LOGIN_STATUS == 200 ]]'
LOGIN_TITLE="J'accède à mon compte ameli"
check "login page shows « $LOGIN_TITLE »" 'unescape < "$WORK/login.html" | grep -q "$LOGIN_TITLE"'
check "no Server header" '! curl -s -I "$BASE/" | grep -qi "^server:"'

STEP1=$(curl -s -c "$JAR" -b "$JAR" -L "$BASE/creation/identite.xhtml")
VIEW_STATE=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' <<<"$STEP1" | sed 's/.*value="//; s/"$//' | head -1)
ACTION=$(grep -o '<form id="identite"[^>]*action="[^"]*"' <<<"$STEP1" | sed 's/.*action="//; s/"$//' | unescape)
echo "step 1 form posts to $ACTION"
STEP2=$(curl -s -c "$JAR" -b "$JAR" -L "$BASE$ACTION" \
    --data-urlencode "identite=identite" \
    --data-urlencode "identite:nom=TOTO" \
    --data-urlencode "identite:nir=2 28 12 31 815 001" \
    --data-urlencode "identite:naissance=03/12/1928" \
    --data-urlencode "identite:codePostal=31470" \
    --data-urlencode "identite:continuer=x" \
    --data-urlencode "jakarta.faces.ViewState=$VIEW_STATE")
H1=$(grep -o '<h1>[^<]*</h1>' <<<"$STEP2" | sed 's/<[^>]*>//g' | unescape | head -1)
echo "after step 1: « $H1 »"
check "TOTO verified: step 2 « Accédez immédiatement à votre compte »" '[[ $H1 == "Accédez immédiatement à votre compte" ]]'
check "readiness /health/ready answers UP" 'curl -s "$BASE/health/ready" | grep -q "\"status\":\"UP\""'
PERSONS=$(psql -tA -h "$AMELI_DB_HOST" -p "$AMELI_DB_PORT" -U "$AMELI_DB_USER" -d "$AMELI_DB_NAME" -c "SELECT COUNT(*) FROM insured_person")
check "the register is in PostgreSQL database $AMELI_DB_NAME ($PERSONS persons), through jdbc/ameli" '[[ $PERSONS -gt 0 ]]'
rm -f "$JAR"

if $KEEP_RUNNING; then
    echo; echo "Running on $BASE/ (admin port $ADMIN_PORT); stop it with:"
    echo "  $ASADMIN stop-domain --domaindir $WORK/domains $DOMAIN"
else
    step "Stop the domain"
fi
[[ $FAILED == 0 ]] && echo "SMOKE CHECK PASSED" || { echo "SMOKE CHECK FAILED"; exit 1; }
