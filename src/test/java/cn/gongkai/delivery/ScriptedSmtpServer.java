package cn.gongkai.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * A tiny SMTP server that follows a script, for what GreenMail will not do: refuse a recipient, answer 4xx/5xx after
 * the data, stay silent, or close the connection right after the data's final dot without a 250. A {@code null}
 * reply in the script means "close the connection here".
 */
final class ScriptedSmtpServer implements AutoCloseable {

    /**
     * @param greet     send the 220 greeting (false: say nothing, as a server that hangs)
     * @param rcptReply the answer to RCPT TO, or null to close
     * @param dataReply the answer after the final dot, or null to close without answering
     */
    record Script(boolean greet, String rcptReply, String dataReply) {
        static Script closingAfterData() {
            return new Script(true, "250 ok", null);
        }
    }

    private final ServerSocket socket;
    private final Script script;
    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);
    private final StringBuilder data = new StringBuilder();
    private volatile boolean dataComplete;

    ScriptedSmtpServer(Script script) throws IOException {
        this.socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        this.script = script;
        this.thread = new Thread(this::serveOne, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serveOne() {
        try (Socket s = socket.accept()) {
            converse(s);
        } catch (IOException e) {
            // the client went away; the test asserts what it saw
        } finally {
            done.countDown();
        }
    }

    private void converse(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = s.getOutputStream();
        if (!script.greet()) {
            in.readLine();
            return;
        }
        say(out, "220 scripted ESMTP");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (cmd) {
                case "EHLO" -> say(out, "250-scripted\r\n250 8BITMIME");
                case "HELO", "MAIL", "RSET", "NOOP" -> say(out, "250 ok");
                case "RCPT" -> {
                    if (script.rcptReply() == null) {
                        return;
                    }
                    say(out, script.rcptReply());
                }
                case "DATA" -> {
                    say(out, "354 go ahead");
                    readData(in);
                    if (script.dataReply() == null) {
                        return;
                    }
                    say(out, script.dataReply());
                }
                case "QUIT" -> {
                    say(out, "221 bye");
                    return;
                }
                default -> say(out, "502 not implemented");
            }
        }
    }

    private void readData(BufferedReader in) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals(".")) {
                dataComplete = true;
                return;
            }
            synchronized (data) {
                data.append(line).append('\n');
            }
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** What arrived between DATA and the final dot, once the conversation is over. */
    String data() {
        await();
        synchronized (data) {
            return data.toString();
        }
    }

    /** Whether the final dot arrived, once the conversation is over. */
    boolean dataComplete() {
        await();
        return dataComplete;
    }

    private void await() {
        try {
            if (!done.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("the SMTP conversation did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
