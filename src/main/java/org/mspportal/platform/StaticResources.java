package org.mspportal.platform;

import java.time.Duration;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The portal's static files and the WebJars, each under its own path. Boot's own mapping is off
 * ({@code spring.web.resources.add-mappings: false}): it serves static files at {@code /**}, and
 * with the WebJars resource chain on, every link a page renders ({@code /customers/…}, dozens on a
 * list) was then looked up as a resource, in a JAR under a lock, misses uncached (bench/load.sh).
 * With these four paths only links to real assets are resource lookups. Cache headers follow
 * {@code spring.web.resources.cache.*} as Boot's mapping did.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    /** The folders of {@code classpath:/static/}, each served at the path of the same name. */
    private static final String[] FOLDERS = {"css", "js", "img"};

    private final WebProperties.Resources.Cache cache;

    StaticResources(WebProperties web) {
        this.cache = web.getResources().getCache();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : FOLDERS) {
            cached(registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/"))
                    .resourceChain(true);
        }
        // Templates link WebJars without their version (/webjars/bootstrap/css/…); the resolver finds it.
        cached(registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/"))
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }

    private ResourceHandlerRegistration cached(ResourceHandlerRegistration registration) {
        Duration period = cache.getPeriod();
        if (period != null) {
            registration.setCachePeriod((int) period.getSeconds());
        }
        return registration.setCacheControl(cache.getCachecontrol().toHttpCacheControl())
                .setUseLastModified(cache.isUseLastModified());
    }
}
