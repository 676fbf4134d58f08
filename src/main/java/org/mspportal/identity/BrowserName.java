package org.mspportal.identity;

import java.util.Optional;

/**
 * "Firefox on Windows" from a User-Agent header, so a sign-in record can be recognised at a
 * glance. Only the common browsers and systems are named; anything else reads "Unknown browser"
 * and the full header stays available beside it. Order matters: Edge and Opera also claim to be
 * Chrome, Chrome also claims to be Safari, and Android also claims to be Linux.
 */
final class BrowserName {

    private BrowserName() {
    }

    static String of(Optional<String> userAgent) {
        return userAgent.filter(agent -> !agent.isBlank()).map(BrowserName::of).orElse("Unknown browser");
    }

    private static String of(String agent) {
        String browser = browser(agent);
        String system = system(agent);
        if (browser == null) {
            return system == null ? "Unknown browser" : "A browser on " + system;
        }
        return system == null ? browser : browser + " on " + system;
    }

    private static String browser(String agent) {
        if (agent.contains("Edg/") || agent.contains("EdgA/") || agent.contains("EdgiOS/")) {
            return "Edge";
        }
        if (agent.contains("OPR/")) {
            return "Opera";
        }
        if (agent.contains("Firefox/") || agent.contains("FxiOS/")) {
            return "Firefox";
        }
        if (agent.contains("Chrome/") || agent.contains("Chromium/") || agent.contains("CriOS/")) {
            return "Chrome";
        }
        if (agent.contains("Safari/")) {
            return "Safari";
        }
        if (agent.startsWith("curl/")) {
            return "curl";
        }
        if (agent.startsWith("Java-http-client/")) {
            return "Java HTTP client";
        }
        return null;
    }

    private static String system(String agent) {
        if (agent.contains("iPhone") || agent.contains("iPad")) {
            return "iOS";
        }
        if (agent.contains("Android")) {
            return "Android";
        }
        if (agent.contains("Windows")) {
            return "Windows";
        }
        if (agent.contains("Mac OS X") || agent.contains("Macintosh")) {
            return "macOS";
        }
        if (agent.contains("CrOS")) {
            return "ChromeOS";
        }
        if (agent.contains("Linux")) {
            return "Linux";
        }
        return null;
    }
}
