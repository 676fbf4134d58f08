package org.mspportal.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} of Standard Webhooks: {@code v1,} and the Base64 HMAC-SHA256, under
 * the endpoint's secret, of {@code <webhook-id>.<webhook-timestamp>.<body>}.
 */
final class WebhookSignature {

    private WebhookSignature() {
    }

    static String of(byte[] secret, String messageId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] signed = mac.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", impossible);
        }
    }
}
