package dev.evidentry.azure;

import static dev.evidentry.azure.FakeAzure.SUB_PATH;

import java.util.HashMap;
import java.util.Map;

/** The healthy estate every test starts from: each call answered with its documented-example fixture. */
final class Baseline {

    static final String SUBSCRIPTIONS = "/subscriptions";
    static final String STORAGE = SUB_PATH + "/providers/Microsoft.Storage/storageAccounts";
    static final String DISKS = SUB_PATH + "/providers/Microsoft.Compute/disks";

    private Baseline() {}

    static void stub(FakeAzure azure) {
        azure.stub(azure.first(SUBSCRIPTIONS), azure.json("arm/subscriptions.json"));
        azure.stub(azure.first(STORAGE), azure.json("arm/storageAccounts-page1.json"));
        azure.stub(azure.page(STORAGE, "$skipToken", "page2"), azure.json("arm/storageAccounts-page2.json"));
        azure.stub(azure.first(DISKS), azure.json("arm/disks.json"));
    }

    /** Options pointing both APIs at WireMock, with retries that do not wait long. */
    static Map<String, String> options(FakeAzure azure) {
        Map<String, String> options = new HashMap<>();
        options.put("arm-endpoint", azure.base());
        options.put("graph-endpoint", azure.base());
        options.put("max-retries", "2");
        options.put("retry-delay", "PT0.01S");
        options.put("timeout", "PT5S");
        return options;
    }
}
