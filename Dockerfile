# The service as a container: the official Payara Micro image of the version the WAR is built
# and tested on (pom.xml: payara.version), the WAR deployed at /.
# Build the WAR first: mvn -B -DskipTests package ; then: docker build -t compte-ameli .
FROM payara/micro:6.2025.10-jdk17

# Embedded Derby (and later mail files) live here: mount a volume to keep them.
ENV AMELI_DATA_DIR=/opt/payara/data
USER root
RUN mkdir -p /opt/payara/data /opt/payara/config && chown -R payara:payara /opt/payara/data /opt/payara/config
USER payara
VOLUME /opt/payara/data

COPY --chown=payara:payara payara-config/ /opt/payara/config/
COPY --chown=payara:payara target/compte-ameli.war /opt/payara/deployments/compte-ameli.war

# A class-data archive of Payara Micro and the service, made by a training start at build time
# (on a throwaway database): the container then starts 3.5–5 s sooner (docs/BENCHMARKS.md
# « Cold start »). The server runs from /opt/payara/micro-root, where it was unpacked for it.
RUN /opt/payara/config/class-data-archive.sh /opt/payara/payara-micro.jar /opt/payara/micro-root \
        /opt/payara/deployments/compte-ameli.war -XX:+UseContainerSupport -XX:MaxRAMPercentage=70.0

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
# then run java -jar /opt/payara/payara-micro.jar with the same arguments instead.
# start-with-archive.sh starts Java from the archive (exec: Java is the container's process)
# after putting the root directory's configuration back as the launcher made it.
ENTRYPOINT ["/opt/payara/config/start-with-archive.sh", "/opt/payara/micro-root", \
            "-XX:+UseContainerSupport", "-XX:MaxRAMPercentage=70.0", "-XX:+ExitOnOutOfMemoryError", \
            "-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=19", "--"]
CMD ["--deploy", "/opt/payara/deployments/compte-ameli.war", "--contextroot", "/", \
     "--port", "8080", "--nocluster", \
     "--prebootcommandfile", "/opt/payara/config/pre-boot-commands.asadmin", \
     "--postbootcommandfile", "/opt/payara/config/post-boot-commands.asadmin"]
