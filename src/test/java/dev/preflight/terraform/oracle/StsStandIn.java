package dev.preflight.terraform.oracle;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A stand-in for AWS STS on 127.0.0.1, answering {@code GetCallerIdentity} with a fixed example account, for the
 * registry modules that read {@code data.aws_caller_identity} during {@code terraform plan} (ecr, ecs services):
 * the offline provider is pointed at it through {@code endpoints { sts = ... }}. One per test JVM, started on
 * first use; it answers nothing else.
 */
final class StsStandIn {
    static final String ACCOUNT = "123456789012";
    private static final String IDENTITY = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
            + "<GetCallerIdentityResult><Arn>arn:aws:iam::" + ACCOUNT + ":user/preflight-oracle</Arn>"
            + "<UserId>AIDAPREFLIGHTORACLE</UserId><Account>" + ACCOUNT + "</Account></GetCallerIdentityResult>"
            + "<ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata>"
            + "</GetCallerIdentityResponse>";
    private static HttpServer server;

    private StsStandIn() {
    }

    /** The endpoint URL, the server started when it is not yet. */
    static synchronized String endpoint() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                byte[] body = IDENTITY.getBytes(StandardCharsets.UTF_8);
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "text/xml");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "sts-stand-in");
                t.setDaemon(true);
                return t;
            }));
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
