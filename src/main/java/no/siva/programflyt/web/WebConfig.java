package no.siva.programflyt.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import no.siva.programflyt.shared.KronerFormatters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/** Norwegian bokmål first; {@code ?lang=en} switches to English and is remembered in a cookie. */
@Configuration
class WebConfig implements WebMvcConfigurer {

    /** The live-reload profile's source folder of our own static files (read before the class path), or empty. */
    @Value("${programflyt.web.static-from:}")
    private String staticFrom;

    public static final Locale BOKMAAL = Locale.forLanguageTag("nb");

    @Bean
    LocaleResolver localeResolver() {
        // Only bokmål and English exist: any other requested language falls back to bokmål.
        CookieLocaleResolver r = new CookieLocaleResolver("programflyt-lang") {
            @Override
            public void setLocale(HttpServletRequest request,
                                  HttpServletResponse response, Locale locale) {
                super.setLocale(request, response, supported(locale));
            }

            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return supported(super.resolveLocale(request));
            }
        };
        r.setDefaultLocale(BOKMAAL);
        r.setCookieMaxAge(Duration.ofDays(365));
        return r;
    }

    static Locale supported(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : BOKMAAL;
    }

    /** Form fields of kroner ({@code @Kroner}) bind as Norwegians type amounts. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldAnnotation(new KronerFormatters());
    }

    /**
     * Static files under their own paths only ({@code spring.web.resources.add-mappings: false} drops Boot's "/**"):
     * with "/**", every link on every page was looked up in each jar of the class path before being written (the
     * resource chain's URL encoding), which made a task list of 50 rows take a second (bench/README.md).
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // our own files keep their names across releases: browsers ask again each time (a 304 when unchanged)
        CacheControl revalidate = CacheControl.noCache();
        boolean live = !staticFrom.isBlank();
        for (String dir : new String[] {"css", "js"}) {
            String[] locations = live ? new String[] {staticFrom + dir + "/", "classpath:/static/" + dir + "/"}
                    : new String[] {"classpath:/static/" + dir + "/"};
            registry.addResourceHandler("/" + dir + "/**").addResourceLocations(locations).setCacheControl(revalidate)
                    .resourceChain(!live);
        }
        // Designsystemet and bpmn-js, installed by npm in the build (package.json) and copied to static/vendor/
        registry.addResourceHandler("/vendor/**").addResourceLocations("classpath:/static/vendor/").setCacheControl(revalidate)
                .resourceChain(true);
        // the favicon, which every browser asks for at its first visit
        registry.addResourceHandler("/favicon.ico", "/favicon.svg").addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(7)));
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365))).resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor i = new LocaleChangeInterceptor();
        i.setParamName("lang");
        registry.addInterceptor(i);
    }
}
