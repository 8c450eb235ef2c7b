package cn.gongkai.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A TLS front for a plain GreenMail SMTP server (GreenMail speaks neither STARTTLS nor our test certificate): in
 * {@link Mode#STARTTLS} it greets, offers STARTTLS, upgrades the connection and then relays it to GreenMail (whose
 * own greeting it swallows); in {@link Mode#SSL} the connection is TLS from the first byte (SMTPS) and relayed as is.
 * Whatever the client sends after the handshake reaches GreenMail only through TLS.
 */
final class TlsFront implements AutoCloseable {

    enum Mode { STARTTLS, SSL }

    private final ServerSocket socket;
    private final SSLContext tls;
    private final Mode mode;
    private final int backend;
    private volatile boolean upgraded;

    TlsFront(Mode mode, SSLContext tls, int backendPort) throws IOException {
        this.mode = mode;
        this.tls = tls;
        this.backend = backendPort;
        InetAddress local = InetAddress.getByName("127.0.0.1");
        this.socket = mode == Mode.SSL ? tls.getServerSocketFactory().createServerSocket(0, 5, local)
                : new ServerSocket(0, 5, local);
        Thread t = new Thread(this::acceptAll, "tls-front");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Whether a client completed the TLS handshake (STARTTLS mode: after the STARTTLS command). */
    boolean upgraded() {
        return upgraded;
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread t = new Thread(() -> serve(client), "tls-front-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            Socket secure = mode == Mode.SSL ? handshake((SSLSocket) client) : startTls(client);
            if (secure == null) {
                return;
            }
            try (Socket server = new Socket(InetAddress.getByName("127.0.0.1"), backend)) {
                InputStream fromServer = server.getInputStream();
                if (mode == Mode.STARTTLS) {
                    skipLine(fromServer);
                }
                Thread up = pipe(secure.getInputStream(), server.getOutputStream());
                pipe(fromServer, secure.getOutputStream()).join();
                up.join();
            }
        } catch (IOException | InterruptedException e) {
            // the client or GreenMail closed; the test asserts what GreenMail received
        }
    }

    private Socket handshake(SSLSocket s) throws IOException {
        s.startHandshake();
        upgraded = true;
        return s;
    }

    /** Greets, answers EHLO with STARTTLS, and upgrades on STARTTLS; null when the client never asked. */
    private Socket startTls(Socket client) throws IOException {
        OutputStream out = client.getOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        say(out, "220 front ESMTP");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String cmd = line.toUpperCase();
            if (cmd.startsWith("EHLO")) {
                say(out, "250-front\r\n250 STARTTLS");
            } else if (cmd.equals("STARTTLS")) {
                say(out, "220 2.0.0 ready to start TLS");
                SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(client, "127.0.0.1",
                        client.getPort(), false);
                secure.setUseClientMode(false);
                return handshake(secure);
            } else {
                say(out, "530 5.7.0 must issue a STARTTLS command first");
            }
        }
        return null;
    }

    private static void skipLine(InputStream in) throws IOException {
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            // GreenMail's greeting: the client already got ours
        }
    }

    private static Thread pipe(InputStream in, OutputStream out) {
        Thread t = new Thread(() -> {
            try {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            } finally {
                try {
                    out.close();
                } catch (IOException e) {
                    // already closed
                }
            }
        }, "tls-front-pipe");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
