package dev.evidentry.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Property lists as Apple writes them, read with the JDK's parser and nothing fetched from outside. */
class PlistTest {

    private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE plist PUBLIC "
            + "\"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">";

    @Test
    void readsEveryTypeOfValue() throws Exception {
        Object root = Plist.parse(HEADER + "<plist version=\"1.0\"><dict>"
                + "<key>name</key><string> Screen Saver </string><key>idleTime</key><integer>600</integer>"
                + "<key>ratio</key><real>0.5</real><key>on</key><true/><key>off</key><false/>"
                + "<key>when</key><date>2025-03-10T14:05:00Z</date><key>blob</key><data>\n  aGk=\n</data>"
                + "<key>list</key><array><integer>1</integer><dict/></array></dict></plist>");
        assertThat(root).isInstanceOf(Map.class);
        Map<?, ?> dict = (Map<?, ?>) root;
        assertThat(dict.get("name")).isEqualTo(" Screen Saver ");
        assertThat(dict.get("idleTime")).isEqualTo(600L);
        assertThat(dict.get("ratio")).isEqualTo(0.5);
        assertThat(dict.get("on")).isEqualTo(true);
        assertThat(dict.get("off")).isEqualTo(false);
        assertThat(dict.get("when")).isEqualTo(Instant.parse("2025-03-10T14:05:00Z"));
        assertThat((byte[]) dict.get("blob")).containsExactly('h', 'i');
        assertThat(dict.get("list")).isEqualTo(List.of(1L, Map.of()));
    }

    @Test
    void whatIsNotAPropertyListIsRefused() {
        assertThatThrownBy(() -> Plist.parse("<html><body>Not Found</body></html>"))
                .isInstanceOf(Plist.MalformedPlistException.class).hasMessageContaining("<html>");
        assertThatThrownBy(() -> Plist.parse(HEADER + "<plist><dict><key>a</key></dict></plist>"))
                .isInstanceOf(Plist.MalformedPlistException.class).hasMessageContaining("key without a value");
        assertThatThrownBy(() -> Plist.parse(HEADER + "<plist><integer>ten</integer></plist>"))
                .isInstanceOf(Plist.MalformedPlistException.class).hasMessageContaining("ten");
        assertThatThrownBy(() -> Plist.parse(HEADER + "<plist><dict>"))
                .isInstanceOf(Plist.MalformedPlistException.class).hasMessageStartingWith("not XML");
    }

    @Test
    void anExternalEntityIsNeverRead(@TempDir Path directory) throws Exception {
        Path secret = Files.writeString(directory.resolve("secret.txt"), "do-not-read-me");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE plist [<!ENTITY leak SYSTEM \"" + secret.toUri()
                + "\">]><plist><string>&leak;</string></plist>";
        Object value;
        try {
            value = Plist.parse(xml);
        } catch (Plist.MalformedPlistException refused) {
            return;
        }
        assertThat(String.valueOf(value)).doesNotContain("do-not-read-me");
    }
}
