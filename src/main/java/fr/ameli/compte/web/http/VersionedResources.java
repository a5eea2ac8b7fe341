package fr.ameli.compte.web.http;

import jakarta.faces.application.Resource;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ResourceWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The style sheet and scripts under versioned URLs, cached by browsers for a year: each resource's
 * URL carries {@code v=} and the start of the SHA-256 of its content
 * ({@code /jakarta.faces.resource/css/ameli.css.xhtml?v=3f2a9c01}). A browser then asks for it
 * once, and never again until a new release changes its content, hence its URL. Requests carrying
 * the current version get {@code Cache-Control: public, max-age=31536000, immutable}; any other
 * (an old page's URL, no version) gets Mojarra's usual week.
 */
public class VersionedResources extends ResourceHandlerWrapper {

    static final String VERSION = "v";
    static final String CACHED_FOR_A_YEAR = "public, max-age=31536000, immutable";
    private static final String FACES_SUFFIX = ".xhtml";

    /** Content hashes by library and resource name; the WAR's resources do not change while it runs. */
    private final ConcurrentMap<String, String> versions = new ConcurrentHashMap<>();

    public VersionedResources(ResourceHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Resource createResource(String resourceName) {
        return versioned(super.createResource(resourceName));
    }

    @Override
    public Resource createResource(String resourceName, String libraryName) {
        return versioned(super.createResource(resourceName, libraryName));
    }

    @Override
    public Resource createResource(String resourceName, String libraryName, String contentType) {
        return versioned(super.createResource(resourceName, libraryName, contentType));
    }

    @Override
    public void handleResourceRequest(FacesContext context) throws IOException {
        ExternalContext external = context.getExternalContext();
        String asked = external.getRequestParameterMap().get(VERSION);
        String name = resourceName(external.getRequestServletPath());
        if (asked != null && name != null) {
            Resource resource = super.createResource(name, external.getRequestParameterMap().get("ln"));
            if (resource != null && asked.equals(version(resource))) {
                // Mojarra sets its own Cache-Control (a week) while serving: ours replaces it.
                external.setResponse(new HttpServletResponseWrapper((HttpServletResponse) external.getResponse()) {
                    @Override
                    public void setHeader(String header, String value) {
                        super.setHeader(header, "Cache-Control".equalsIgnoreCase(header) ? CACHED_FOR_A_YEAR : value);
                    }
                });
                external.setResponseHeader("Cache-Control", CACHED_FOR_A_YEAR);
            }
        }
        super.handleResourceRequest(context);
    }

    /** {@code /jakarta.faces.resource/css/ameli.css.xhtml} → {@code css/ameli.css}; null for anything else. */
    static String resourceName(String servletPath) {
        String prefix = RESOURCE_IDENTIFIER + "/";
        if (servletPath == null || !servletPath.startsWith(prefix) || !servletPath.endsWith(FACES_SUFFIX)) {
            return null;
        }
        String name = servletPath.substring(prefix.length(), servletPath.length() - FACES_SUFFIX.length());
        return name.isEmpty() ? null : name;
    }

    private Resource versioned(Resource resource) {
        if (resource == null) {
            return null;
        }
        String version = version(resource);
        return new ResourceWrapper(resource) {
            @Override
            public String getRequestPath() {
                String path = super.getRequestPath();
                return path + (path.contains("?") ? "&" : "?") + VERSION + "=" + version;
            }
        };
    }

    private String version(Resource resource) {
        return versions.computeIfAbsent(resource.getLibraryName() + "/" + resource.getResourceName(), key -> hash(resource));
    }

    private static String hash(Resource resource) {
        try (InputStream content = resource.getInputStream()) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int n; (n = content.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha256.digest(), 0, 4);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + resource.getResourceName(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
