package org.mspportal.platform;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links to another page of the list being shown, keeping its filters and sort: templates call
 * {@code ${@pageLinks.to(n)}} from the shared pager fragment. Only the path and parameters of the
 * current request are used, never its host, so a forged Host header cannot leak into links.
 */
@Component("pageLinks")
class PageLinks {

    public String to(int page) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI());
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("page") && !name.equals("_csrf")) {
                link.queryParam(name, (Object[]) values);
            }
        });
        return link.queryParam("page", Math.max(page, 0)).encode().build().toUriString();
    }
}
