package dev.evidentry.gcp;

import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;

/** Where the scan's base credentials come from: Application Default Credentials, or a test's own. */
@FunctionalInterface
interface CredentialSource {

    /** Google's Application Default Credentials: GOOGLE_APPLICATION_CREDENTIALS, gcloud's file, the metadata server. */
    CredentialSource APPLICATION_DEFAULT = GoogleCredentials::getApplicationDefault;

    /** @throws IOException when there are none */
    GoogleCredentials load() throws IOException;
}
