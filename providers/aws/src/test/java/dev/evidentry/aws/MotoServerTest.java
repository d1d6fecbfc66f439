package dev.evidentry.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evidentry.testkit.MotoServer;
import org.junit.jupiter.api.Test;

/** The test resource itself: a missing executable says how to install it. */
class MotoServerTest {

    @Test
    void aMissingExecutableSaysHowToInstallIt() {
        String previous = System.getProperty(MotoServer.EXECUTABLE_PROPERTY);
        System.setProperty(MotoServer.EXECUTABLE_PROPERTY, "/nonexistent/evidentry/moto_server");
        try {
            assertThatThrownBy(MotoServer::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("moto_server")
                    .hasMessageContaining("pip install 'moto[server]'")
                    .hasMessageContaining("-Dmoto.server=");
        } finally {
            if (previous == null) {
                System.clearProperty(MotoServer.EXECUTABLE_PROPERTY);
            } else {
                System.setProperty(MotoServer.EXECUTABLE_PROPERTY, previous);
            }
        }
    }

    @Test
    void startsOnALoopbackPortAndStopsAgain() {
        MotoServer moto = MotoServer.start();
        try {
            assertThat(moto.endpoint()).isEqualTo("http://127.0.0.1:" + moto.port());
            moto.reset();
        } finally {
            moto.close();
        }
        assertThatThrownBy(moto::reset).isInstanceOf(RuntimeException.class);
    }
}
