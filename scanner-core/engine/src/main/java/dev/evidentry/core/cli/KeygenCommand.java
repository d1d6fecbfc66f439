package dev.evidentry.core.cli;

import dev.evidentry.core.bundle.Ed25519Keys;
import dev.evidentry.core.scan.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evidentry keygen}: an Ed25519 key pair for signing bundles. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Create an Ed25519 key pair: sign bundles with the private key (scan --sign-key), give the "
                + "public key to whoever verifies them (verify --public-key).")
final class KeygenCommand implements Callable<Integer> {

    @Option(names = "--private-key", required = true, paramLabel = "FILE", description = "Where to write the private key.")
    Path privateKey;

    @Option(names = "--public-key", required = true, paramLabel = "FILE", description = "Where to write the public key.")
    Path publicKey;

    private final EvidentryCli.Environment environment;

    KeygenCommand(EvidentryCli.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        for (Path file : new Path[] {privateKey, publicKey}) {
            if (Files.exists(file)) {
                throw new UsageException(file + " already exists; keygen never overwrites a key");
            }
        }
        KeyPair pair = Ed25519Keys.generate();
        Ed25519Keys.write(privateKey, "PRIVATE KEY", pair.getPrivate().getEncoded());
        try {
            Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file keeps the directory's permissions.
        }
        Ed25519Keys.write(publicKey, "PUBLIC KEY", pair.getPublic().getEncoded());
        environment.out().println("private key: " + privateKey + " (keep it secret)");
        environment.out().println("public key:  " + publicKey);
        return 0;
    }
}
