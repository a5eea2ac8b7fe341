package fr.ameli.compte;

import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.container.spi.event.container.BeforeUnDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.TestClass;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a test class's deployment answers, for the tests of its {@code @Nested} classes.
 * Arquillian 1.10 handles a nested class as a test class of its own, without the deployment of the
 * class around it (arquillian-core issue 773, fixed after 1.10.2): {@code @ArquillianResource URL}
 * cannot be had there. This Arquillian extension notes the URL of each deployment as it is made,
 * under the test class that declares it. Registered in
 * {@code META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension}.
 */
public final class DeploymentUrls implements LoadableExtension {

    private static final Map<Class<?>, URL> BY_TEST_CLASS = new ConcurrentHashMap<>();

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Recorder.class);
    }

    /** The URL of the deployment of this test class, or of the class it is nested in. */
    public static URL of(Class<?> testClass) {
        Class<?> declaring = testClass;
        while (declaring.getEnclosingClass() != null) {
            declaring = declaring.getEnclosingClass();
        }
        URL url = BY_TEST_CLASS.get(declaring);
        if (url == null) {
            throw new IllegalStateException("no deployment of " + declaring.getName() + " is up");
        }
        return url;
    }

    /** Notes each deployment's URL as Arquillian would inject it (the base URI of its web context). */
    public static final class Recorder {

        @Inject
        private Instance<TestClass> testClass;

        @Inject
        private Instance<ProtocolMetaData> metadata;

        public void deployed(@Observes AfterDeploy event) throws MalformedURLException {
            ProtocolMetaData deployed = metadata.get();
            if (deployed == null || !deployed.hasContext(HTTPContext.class) || testClass.get() == null) {
                return;
            }
            HTTPContext http = deployed.getContexts(HTTPContext.class).iterator().next();
            URI uri = http.getServlets().isEmpty()
                    ? URI.create(http.getScheme() + "://" + http.getHost() + ":" + http.getPort() + "/")
                    : http.getServlets().get(0).getBaseURI();
            BY_TEST_CLASS.put(testClass.get().getJavaClass(), uri.toURL());
        }

        public void undeployed(@Observes BeforeUnDeploy event) {
            if (testClass.get() != null) {
                BY_TEST_CLASS.remove(testClass.get().getJavaClass());
            }
        }
    }
}
