package io.github.dockmaven.core.wait;

import io.github.dockmaven.core.WaitSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/** Holds once an HTTP request through the published host port answers with an accepted status. */
public final class HttpCondition implements Condition {

    private static final int TIMEOUT_MS = 2000;

    private final WaitSpec.Http http;
    private String lastFailure = "";

    public HttpCondition(WaitSpec.Http http) {
        this.http = http;
    }

    @Override
    public String describe() {
        return "HTTP " + http.method() + " " + http.path() + " on port " + http.port() + " answering "
                + http.statusMin() + ".." + http.statusMax();
    }

    @Override
    public boolean check(Probe probe) {
        int hostPort = probe.hostPort(http.port());
        if (hostPort < 0) {
            lastFailure = "port " + http.port() + " is not published; add <port>" + http.port() + "</port> to <ports>";
            return false;
        }
        String url = "http://" + probe.host() + ":" + hostPort + http.path();
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MS);
            connection.setReadTimeout(TIMEOUT_MS);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestMethod(http.method());
            int status = connection.getResponseCode();
            drain(connection);
            if (status >= http.statusMin() && status <= http.statusMax()) {
                return true;
            }
            lastFailure = http.method() + " " + url + " answered " + status;
            return false;
        } catch (IOException e) {
            lastFailure = http.method() + " " + url + " failed: " + e.getMessage();
            return false;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static void drain(HttpURLConnection connection) {
        try (InputStream in =
                connection.getResponseCode() >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            if (in != null) {
                in.readNBytes(64 * 1024);
            }
        } catch (IOException ignored) {
            // The status is what we wanted; the body does not matter.
        }
    }

    @Override
    public String lastFailure() {
        return lastFailure;
    }
}
