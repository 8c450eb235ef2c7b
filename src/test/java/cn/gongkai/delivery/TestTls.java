package cn.gongkai.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway certificate for 127.0.0.1 and localhost, made with the JDK's keytool in a temporary folder: the test
 * servers present it and only the tests' clients trust it. Production code keeps the JDK's trust store.
 */
final class TestTls {
    private static final char[] PASSWORD = "test-only".toCharArray();
    private static TestTls instance;

    private final KeyStore keyStore;

    private TestTls(KeyStore keyStore) {
        this.keyStore = keyStore;
    }

    static synchronized TestTls get() throws IOException, GeneralSecurityException, InterruptedException {
        if (instance == null) {
            instance = new TestTls(generate());
        }
        return instance;
    }

    private static KeyStore generate() throws IOException, GeneralSecurityException, InterruptedException {
        Path dir = Files.createTempDirectory("gongkai-tls");
        Path file = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass",
                new String(PASSWORD), "-keypass", new String(PASSWORD))).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, PASSWORD);
        }
        Files.delete(file);
        Files.delete(dir);
        return ks;
    }

    /** The servers' side: presents the certificate. */
    SSLContext server() throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    /** The tests' clients: trust this certificate (and nothing else). */
    SSLContext client() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keyStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
