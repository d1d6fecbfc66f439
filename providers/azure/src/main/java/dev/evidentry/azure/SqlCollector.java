package dev.evidentry.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EncryptionAtRest;
import dev.evidentry.spi.fact.azure.AzureSqlDatabaseTde;
import dev.evidentry.spi.fact.azure.AzureSqlServerAuditing;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Azure SQL logical servers of one subscription: per server its auditing policy, its TDE protector (service-managed
 * or a Key Vault key) and its databases; per database (but {@code master}) its transparent data encryption.
 */
final class SqlCollector extends ArmCollector {

    static final String API_VERSION = "2021-11-01";
    static final String SERVERS = "Microsoft.Sql/servers:list";
    static final String AUDITING = "Microsoft.Sql/servers/auditingSettings:get";
    static final String PROTECTOR = "Microsoft.Sql/servers/encryptionProtector:get";
    static final String DATABASES = "Microsoft.Sql/servers/databases:listByServer";
    static final String TDE = "Microsoft.Sql/servers/databases/transparentDataEncryption:get";
    static final Set<String> KINDS = Set.of(AzureSqlServerAuditing.KIND, AzureSqlDatabaseTde.KIND,
            DataStoreEncryption.KIND);

    SqlCollector(AzureRest arm, Subscription subscription, FactSink sink) {
        super(arm, subscription, sink);
    }

    @Override
    Set<String> kinds() {
        return KINDS;
    }

    @Override
    String name() {
        return "SQL servers";
    }

    @Override
    void collect() {
        List<ResourceRef> servers = new ArrayList<>();
        arm.list(SERVERS, "/subscriptions/" + subscription.id() + "/providers/Microsoft.Sql/servers?api-version="
                + API_VERSION, page -> page.items().forEach(item -> servers.add(
                        subscription.resource(item, "azure.sql.server"))));
        for (ResourceRef server : servers) {
            server(server);
        }
    }

    private void server(ResourceRef server) {
        try {
            AzureRest.Answer answer = arm.get(AUDITING, server.nativeId() + "/auditingSettings/default?api-version="
                    + API_VERSION);
            JsonNode properties = answer.body().path("properties");
            String state = text(properties, "state");
            if (state.isEmpty()) {
                throw AzureCallException.malformed(AUDITING, "no state", answer.evidence());
            }
            sink.accept(new AzureSqlServerAuditing(server, state, properties.path("retentionDays").asInt(0),
                    properties.path("isAzureMonitorTargetEnabled").asBoolean(false), List.of(answer.evidence())));
        } catch (AzureCallException e) {
            issue(server, e, Set.of(AzureSqlServerAuditing.KIND), "SQL server " + server.name());
        }
        Protector protector;
        try {
            AzureRest.Answer answer = arm.get(PROTECTOR, server.nativeId() + "/encryptionProtector/current"
                    + "?api-version=" + API_VERSION);
            JsonNode properties = answer.body().path("properties");
            protector = new Protector(text(properties, "serverKeyType"), text(properties, "uri").isEmpty()
                    ? text(properties, "serverKeyName") : text(properties, "uri"), answer.evidence(), null);
        } catch (AzureCallException e) {
            protector = new Protector("", "", null, e);
        }
        List<ResourceRef> databases = new ArrayList<>();
        try {
            arm.list(DATABASES, server.nativeId() + "/databases?api-version=" + API_VERSION, page -> {
                for (JsonNode item : page.items()) {
                    if (!item.path("name").asText("").equalsIgnoreCase("master")) {
                        databases.add(subscription.resource(item, "azure.sql.database"));
                    }
                }
            });
        } catch (AzureCallException e) {
            scopeIssue(server.region(), e, Set.of(AzureSqlDatabaseTde.KIND, DataStoreEncryption.KIND),
                    "the databases of SQL server " + server.name());
            return;
        }
        for (ResourceRef database : databases) {
            database(database, protector);
        }
    }

    private void database(ResourceRef database, Protector protector) {
        AzureRest.Answer answer;
        try {
            answer = arm.get(TDE, database.nativeId() + "/transparentDataEncryption/current?api-version="
                    + API_VERSION);
        } catch (AzureCallException e) {
            issue(database, e, Set.of(AzureSqlDatabaseTde.KIND, DataStoreEncryption.KIND),
                    "SQL database " + database.name());
            return;
        }
        String state = text(answer.body().path("properties"), "state");
        if (state.isEmpty()) {
            issue(database, AzureCallException.malformed(TDE, "no state", answer.evidence()),
                    Set.of(AzureSqlDatabaseTde.KIND, DataStoreEncryption.KIND), "SQL database " + database.name());
            return;
        }
        sink.accept(new AzureSqlDatabaseTde(database, state, List.of(answer.evidence())));
        if (!state.equalsIgnoreCase("Enabled")) {
            sink.accept(new DataStoreEncryption(database, EncryptionAtRest.NONE, "", "TDE " + state,
                    List.of(answer.evidence())));
        } else if (protector.failure() != null) {
            issue(database, protector.failure(), Set.of(DataStoreEncryption.KIND),
                    "the TDE protector of SQL database " + database.name());
        } else {
            boolean customer = protector.keyType().equalsIgnoreCase("AzureKeyVault");
            sink.accept(new DataStoreEncryption(database, customer ? EncryptionAtRest.CUSTOMER_KEY
                    : EncryptionAtRest.PROVIDER_KEY, customer ? protector.key() : "", "TDE Enabled, protector "
                    + (protector.keyType().isEmpty() ? "not named" : protector.keyType()),
                    List.of(answer.evidence(), protector.evidence())));
        }
    }

    private record Protector(String keyType, String key, EvidenceId evidence, AzureCallException failure) {}
}
