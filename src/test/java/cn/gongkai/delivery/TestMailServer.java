package cn.gongkai.delivery;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** A started GreenMail SMTP server on 127.0.0.1 and a free port, with the login shangwu / the given password. */
final class TestMailServer {
    static final String USER = "shangwu";

    private TestMailServer() {
    }

    static GreenMail start(String password) {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("shangwu@hq.gov.cn", USER, password));
        greenMail.start();
        return greenMail;
    }
}
