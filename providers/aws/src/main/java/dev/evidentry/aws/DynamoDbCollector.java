package dev.evidentry.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.aws.AwsCalls.Evidenced;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EncryptionAtRest;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.SSEDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * DynamoDB in every region in scope: every table (ListTables) and its encryption at rest (DescribeTable, then the
 * table's KMS key through the scan's {@link KmsKeys}). DynamoDB always encrypts: without an {@code SSEDescription} (or
 * with SSE disabled) a table uses a key AWS owns.
 */
final class DynamoDbCollector implements ServiceCollector {

    static final Set<String> KINDS = Set.of(DataStoreEncryption.KIND);

    /** ListTables allows up to 100 names a page. */
    static final int PAGE_SIZE = 100;

    private final AwsClients clients;
    private final Scope scope;
    private final FactSink sink;
    private final KmsKeys keys;

    private final Queue<ListedTable> listed = new ConcurrentLinkedQueue<>();

    DynamoDbCollector(AwsClients clients, Scope scope, FactSink sink, KmsKeys keys) {
        this.clients = requireNonNull(clients, "clients is null");
        this.scope = requireNonNull(scope, "scope is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.keys = requireNonNull(keys, "keys is null");
    }

    @Override
    public List<Task> firstTasks() {
        return Task.perRegion(scope, "dynamodb:ListTables", KINDS, region -> {
            DynamoDbClient dynamoDb = clients.dynamoDb(region);
            return () -> listTables(dynamoDb, region);
        });
    }

    /** One task per table: DescribeTable, then its key (described once per scan) when it names one. */
    @Override
    public List<Task> followUpTasks() {
        return Task.drain(listed, table -> new Task("dynamodb:DescribeTable", table.ref(), KINDS,
                () -> describeTable(table)));
    }

    private void listTables(DynamoDbClient dynamoDb, Region region) {
        AwsCalls.<ListTablesResponse>pages("dynamodb:ListTables",
                (start, override) -> dynamoDb.listTables(b -> b.limit(PAGE_SIZE).exclusiveStartTableName(start)
                        .overrideConfiguration(override)),
                ListTablesResponse::lastEvaluatedTableName,
                page -> page.value().tableNames().forEach(name -> {
                    if (name == null || name.isBlank()) {
                        throw new MalformedResponseException("a blank table name");
                    }
                    listed.add(new ListedTable(scope.tableRef(region, name, ""), region, name));
                }));
    }

    private void describeTable(ListedTable listedTable) {
        Evidenced<DescribeTableResponse> answer = AwsCalls.call("dynamodb:DescribeTable",
                override -> clients.dynamoDb(listedTable.region()).describeTable(b -> b.tableName(listedTable.name())
                        .overrideConfiguration(override)));
        TableDescription table = answer.value().table();
        if (table == null) {
            throw CallException.malformed("dynamodb:DescribeTable", "the answer has no Table", answer.evidence());
        }
        // Named by the ARN DynamoDB gives; the listed table's (for issues) was built the same way from its name.
        ResourceRef ref = table.tableArn() == null || table.tableArn().isBlank() ? listedTable.ref()
                : scope.tableRef(listedTable.region(), listedTable.name(), table.tableArn());
        sink.accept(encryption(ref, table.sseDescription(), answer.evidence()));
    }

    /**
     * A table's encryption: no SSE description, or SSE disabled, is DynamoDB's default, a key AWS owns; SSE with KMS is
     * classified by its key (the AWS managed {@code alias/aws/dynamodb} or a customer key).
     */
    private DataStoreEncryption encryption(ResourceRef ref, SSEDescription sse, EvidenceId evidence) {
        if (sse == null || sse.statusAsString() == null || sse.statusAsString().startsWith("DISABL")) {
            return new DataStoreEncryption(ref, EncryptionAtRest.PROVIDER_KEY, "",
                    sse == null ? "no SSEDescription: AWS owned key" : "SSEDescription Status="
                            + sse.statusAsString() + ": AWS owned key", List.of(evidence));
        }
        String type = sse.sseTypeAsString() == null ? "" : sse.sseTypeAsString();
        String keyArn = sse.kmsMasterKeyArn();
        if (keyArn == null || keyArn.isBlank()) {
            throw CallException.malformed("dynamodb:DescribeTable", "SSEDescription has Status="
                    + sse.statusAsString() + " but no KMSMasterKeyArn", evidence);
        }
        return keys.classify(ref, keys.keyArn(keyArn, Region.of(ref.region())), "SSEType=" + type,
                List.of(evidence));
    }

    private record ListedTable(ResourceRef ref, Region region, String name) {}
}
