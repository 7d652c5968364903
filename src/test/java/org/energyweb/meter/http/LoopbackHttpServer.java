package org.energyweb.meter.http;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** A real HTTP server (WireMock) on a free port of 127.0.0.1, and a port where nothing listens. */
public final class LoopbackHttpServer {

    private LoopbackHttpServer() {
    }

    public static WireMockExtension extension() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    public static URI baseUri(WireMockExtension server) {
        return URI.create("http://127.0.0.1:" + server.getPort() + "/");
    }

    /** A loopback port that was free a moment ago and is closed now: connecting to it is refused. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }
}
