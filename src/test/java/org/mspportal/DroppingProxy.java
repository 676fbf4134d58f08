package org.mspportal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy in front of the portal that loses one HTTP/1.1 exchange the way a crash or a broken
 * network would, then closes: {@link Drop#ANSWER} relays the whole request and hangs up as soon as
 * the portal starts answering (the portal has done the work and committed; the client never hears
 * of it); {@link Drop#REQUEST} relays the headers and half the body, then hangs up (the portal
 * never gets the whole request). Either way the client sees its connection closed without an answer.
 */
public final class DroppingProxy implements AutoCloseable {

    public enum Drop { ANSWER, REQUEST }

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");
    private static final int WAIT_MILLIS = 30_000;

    private final ServerSocket listener;
    private final CompletableFuture<Void> exchange;

    /** Listens on a free loopback port for one connection, to be relayed to the portal on {@code portalPort}. */
    public DroppingProxy(int portalPort, Drop drop) throws IOException {
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.exchange = CompletableFuture.runAsync(() -> relayOnce(portalPort, drop));
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Waits until the proxy has dropped the exchange, and rethrows what went wrong in it, if anything. */
    public void awaitDropped() {
        exchange.join();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void relayOnce(int portalPort, Drop drop) {
        try (Socket client = listener.accept();
                Socket portal = new Socket(InetAddress.getLoopbackAddress(), portalPort)) {
            client.setSoTimeout(WAIT_MILLIS);
            portal.setSoTimeout(WAIT_MILLIS);
            byte[] request = readRequest(client.getInputStream());
            OutputStream toPortal = portal.getOutputStream();
            if (drop == Drop.REQUEST) {
                toPortal.write(request, 0, request.length - bodyLength(request) / 2);
                toPortal.flush();
                return;
            }
            toPortal.write(request);
            toPortal.flush();
            if (portal.getInputStream().read() < 0) {
                throw new IllegalStateException("the portal closed the connection without answering");
            }
            // The first byte of the answer is here, so the work is done; both sockets close unanswered.
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Headers and body of one request with a Content-Length, as the client sent them. */
    private static byte[] readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        int headerEnd = -1;
        while (headerEnd < 0) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("the client closed the connection mid-request");
            }
            received.write(next);
            if (received.size() >= 4 && received.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                headerEnd = received.size();
            }
        }
        Matcher length = CONTENT_LENGTH.matcher(received.toString(StandardCharsets.ISO_8859_1));
        if (!length.find()) {
            throw new IOException("the proxy relays requests with a Content-Length only");
        }
        received.write(in.readNBytes(Integer.parseInt(length.group(1))));
        return received.toByteArray();
    }

    private static int bodyLength(byte[] request) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        return request.length - (text.indexOf("\r\n\r\n") + 4);
    }
}
