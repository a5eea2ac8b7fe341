# The service as a container: the official Payara Micro image of the version the WAR is built
# and tested on (pom.xml: payara.version), the WAR deployed at /.
# Build the WAR first: mvn -B -DskipTests package ; then: docker build -t compte-ameli .
FROM payara/micro:6.2025.10-jdk17

# Read-only (README « Docker image »): the WAR, the server and the command files belong to root, and
# the user the service runs as (payara) can change none of them; the container can run with a
# read-only root filesystem. It writes only into the data volume: embedded Derby, the mail files,
# the letters, and server/ — the copy of the server each start runs from (Payara Micro needs its
# root directory writable), made again at every start from /opt/payara/micro-root.
ENV AMELI_DATA_DIR=/opt/payara/data
USER root
COPY payara-config/ /opt/payara/config/
COPY target/compte-ameli.war /opt/payara/deployments/compte-ameli.war
RUN mkdir -p /opt/payara/data && chown payara:payara /opt/payara/data

# A class-data archive of Payara Micro and the service, made by a training start at build time
# (on a throwaway database): the container then starts 3.5–5 s sooner (docs/BENCHMARKS.md
# « Cold start »). The archive names the jars by their paths: the server is unpacked and trained
# where each start runs it (/opt/payara/data/server), then moved to /opt/payara/micro-root.
USER payara
RUN /opt/payara/config/class-data-archive.sh /opt/payara/payara-micro.jar /opt/payara/data/server \
        /opt/payara/deployments/compte-ameli.war -XX:+UseContainerSupport -XX:MaxRAMPercentage=70.0
USER root
RUN mv /opt/payara/data/server /opt/payara/micro-root \
    && chown -R root:root /opt/payara/micro-root /opt/payara/config /opt/payara/deployments /opt/payara/payara-micro.jar \
    && chmod -R a+rX,go-w /opt/payara/micro-root /opt/payara/config /opt/payara/deployments /opt/payara/payara-micro.jar \
    && chown root:root /opt/payara && chmod 755 /opt/payara
USER payara
VOLUME /opt/payara/data

EXPOSE 8080
# Readiness (MicroProfile Health): 200 once deployed, the database reachable and migrated, the
# mail outbox not piling up (no curl/wget in the image: bash's /dev/tcp).
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -1 <&3 | grep -q ' 200 '"]

# An explicit entry point, so that the options below are the whole command line. The two
# priority options let the code-hashing threads run at Linux's lowest priority, so that pages
# stay quick while codes are hashed (docs/BENCHMARKS.md; as a non-root user the JVM warns that
# it may lack the permission: lowering a priority needs none). Java agents and a flight recording
# started with the JVM need the archive left out (-Xshare:off): Debian's OpenJDK 17.0.15 was seen
# to crash loading archived classes with JFR's class hook (docs/BENCHMARKS.md « Cold start »):
# then run java -Djava.io.tmpdir=/opt/payara/data/tmp -jar /opt/payara/payara-micro.jar with the
# same arguments instead (mkdir the folder first: /tmp may be read-only).
# start-with-archive.sh starts Java from the archive (exec: Java is the container's process), from a
# fresh copy of the server in the data volume (Java's temporary folder there too); no performance
# data file (it would go to /tmp).
ENTRYPOINT ["/opt/payara/config/start-with-archive.sh", "--copy-to", "/opt/payara/data/server", "/opt/payara/micro-root", \
            "-XX:+UseContainerSupport", "-XX:MaxRAMPercentage=70.0", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", \
            "-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=19", "--"]
CMD ["--deploy", "/opt/payara/deployments/compte-ameli.war", "--contextroot", "/", \
     "--port", "8080", "--nocluster", \
     "--prebootcommandfile", "/opt/payara/config/pre-boot-commands.asadmin", \
     "--postbootcommandfile", "/opt/payara/config/post-boot-commands.asadmin"]
