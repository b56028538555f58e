import { randomUUID } from "node:crypto";
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  paginateQuery,
  type AttributeValue,
  type DynamoDBClient,
} from "@aws-sdk/client-dynamodb";
import { LabenvError, isLabenvError } from "../../core/errors.js";
import { checkedRecord, shareEventId } from "../shape/state-records.js";
import type {
  AppliedRecord,
  Lease,
  LeaseResult,
  RunRecord,
  ShareAccessEvent,
  StateStore,
  SuccessionRecord,
  UsageRecord,
} from "../../ports/state-store.js";

export interface DynamoStateStoreOptions {
  client: DynamoDBClient;
  /** A table with string partition key `pk` and string sort key `sk` (from infra/). */
  table: string;
}

type Item = Record<string, AttributeValue>;

const APPLIED = "applied";
const RUN = "run";
const SUCCESSION = "succession";
const SHARE_EVENT = "share-event";
const USAGE = "usage";
const LEASE = { pk: { S: "lease" }, sk: { S: "reconcile" } };

/**
 * Applied records, run history and the reconcile lease in one DynamoDB table.
 * Records are stored whole as JSON in `body`; the lease is a conditional put,
 * so two reconcilers never hold it at once.
 */
export class DynamoStateStore implements StateStore {
  constructor(private readonly options: DynamoStateStoreOptions) {}

  async listUsage(): Promise<UsageRecord[]> {
    return (await this.query(USAGE, true)).map((item) => this.body("usage", item));
  }

  async putUsage(record: UsageRecord): Promise<void> {
    await this.put(`record the usage of ${record.environment}`, {
      ...key(USAGE, record.environment),
      body: { S: JSON.stringify(record) },
    });
  }

  async getApplied(environment: string): Promise<AppliedRecord | undefined> {
    const out = await this.call(`read the applied record of ${environment}`, () =>
      this.options.client.send(
        new GetItemCommand({
          TableName: this.options.table,
          Key: key(APPLIED, environment),
          ConsistentRead: true,
        }),
      ),
    );
    return out.Item === undefined ? undefined : this.body("applied", out.Item);
  }

  async listApplied(): Promise<AppliedRecord[]> {
    return (await this.query(APPLIED, true)).map((item) => this.body("applied", item));
  }

  async getSuccession(succession: string): Promise<SuccessionRecord | undefined> {
    const out = await this.call(`read the progress of succession ${succession}`, () =>
      this.options.client.send(
        new GetItemCommand({
          TableName: this.options.table,
          Key: key(SUCCESSION, succession),
          ConsistentRead: true,
        }),
      ),
    );
    return out.Item === undefined ? undefined : this.body("succession", out.Item);
  }

  async listSuccessions(): Promise<SuccessionRecord[]> {
    return (await this.query(SUCCESSION, true)).map((item) => this.body("succession", item));
  }

  async putSuccession(record: SuccessionRecord): Promise<void> {
    await this.put(`record the progress of succession ${record.succession}`, {
      ...key(SUCCESSION, record.succession),
      body: { S: JSON.stringify(record) },
    });
  }

  async putShareEvent(event: ShareAccessEvent): Promise<void> {
    await this.put(
      `record that ${event.member}'s access to share ${event.share} was ${event.event}`,
      {
        ...key(SHARE_EVENT, shareEventId(event)),
        body: { S: JSON.stringify(event) },
      },
    );
  }

  /** Oldest first: the sort key starts with the time. */
  async listShareEvents(): Promise<ShareAccessEvent[]> {
    return (await this.query(SHARE_EVENT, true)).map((item) => this.body("share-event", item));
  }

  async putApplied(record: AppliedRecord): Promise<void> {
    await this.put(`record what was applied to ${record.environment}`, {
      ...key(APPLIED, record.environment),
      body: { S: JSON.stringify(record) },
    });
  }

  async deleteApplied(environment: string): Promise<void> {
    await this.call(`forget the applied record of ${environment}`, () =>
      this.options.client.send(
        new DeleteItemCommand({ TableName: this.options.table, Key: key(APPLIED, environment) }),
      ),
    );
  }

  async putRun(run: RunRecord): Promise<void> {
    await this.put(`record run ${run.id}`, {
      ...key(RUN, `${run.startedAt}#${run.id}`),
      body: { S: JSON.stringify(run) },
    });
  }

  /** The newest runs first. */
  async listRuns(limit: number): Promise<RunRecord[]> {
    if (limit <= 0) return [];
    return (await this.query(RUN, false, limit)).map((item) => this.body("run", item));
  }

  async acquireLease(
    owner: string,
    ttlMs: number,
    now: Date,
    runId?: string,
  ): Promise<LeaseResult> {
    const lease: Lease = {
      owner,
      token: randomUUID(),
      expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
      ...(runId ? { runId } : {}),
    };
    try {
      await this.options.client.send(
        new PutItemCommand({
          TableName: this.options.table,
          Item: {
            ...LEASE,
            owner: { S: owner },
            token: { S: lease.token },
            expiresAt: { S: lease.expiresAt },
            expiresAtMs: { N: String(now.getTime() + ttlMs) },
            ...(runId ? { runId: { S: runId } } : {}),
          },
          ConditionExpression: "attribute_not_exists(pk) OR expiresAtMs < :now OR #owner = :owner",
          ExpressionAttributeNames: { "#owner": "owner" },
          ExpressionAttributeValues: {
            ":now": { N: String(now.getTime()) },
            ":owner": { S: owner },
          },
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        }),
      );
      return { acquired: true, lease };
    } catch (e) {
      if (!(e instanceof ConditionalCheckFailedException))
        throw stateFailure("take the reconcile lease", e);
      const item = e.Item ?? (await this.currentLease());
      const held = item ? this.leaseOf(item) : undefined;
      return {
        acquired: false,
        heldBy: held?.owner ?? "unknown",
        expiresAt: held?.expiresAt ?? "",
        ...(held ? { held } : {}),
      };
    }
  }

  async renewLease(lease: Lease, ttlMs: number, now: Date): Promise<Lease | undefined> {
    const renewed = { ...lease, expiresAt: new Date(now.getTime() + ttlMs).toISOString() };
    try {
      await this.options.client.send(
        new UpdateItemCommand({
          TableName: this.options.table,
          Key: LEASE,
          UpdateExpression: "SET expiresAt = :at, expiresAtMs = :ms",
          ConditionExpression: "#token = :token",
          ExpressionAttributeNames: { "#token": "token" },
          ExpressionAttributeValues: {
            ":token": { S: lease.token },
            ":at": { S: renewed.expiresAt },
            ":ms": { N: String(now.getTime() + ttlMs) },
          },
        }),
      );
      return renewed;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) return undefined; // lost: someone broke or took it
      throw stateFailure("renew the reconcile lease", e);
    }
  }

  async readLease(): Promise<Lease | undefined> {
    const item = await this.currentLease();
    return item ? this.leaseOf(item) : undefined;
  }

  async breakLease(token: string): Promise<Lease | undefined> {
    try {
      const out = await this.options.client.send(
        new DeleteItemCommand({
          TableName: this.options.table,
          Key: LEASE,
          ConditionExpression: "#token = :token",
          ExpressionAttributeNames: { "#token": "token" },
          ExpressionAttributeValues: { ":token": { S: token } },
          ReturnValues: "ALL_OLD",
        }),
      );
      return out.Attributes ? this.leaseOf(out.Attributes) : undefined;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) return undefined;
      throw stateFailure("break the reconcile lease", e);
    }
  }

  async releaseLease(lease: Lease): Promise<void> {
    try {
      await this.options.client.send(
        new DeleteItemCommand({
          TableName: this.options.table,
          Key: LEASE,
          ConditionExpression: "#token = :token",
          ExpressionAttributeNames: { "#token": "token" },
          ExpressionAttributeValues: { ":token": { S: lease.token } },
        }),
      );
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) return; // lost to someone else: nothing of ours to give back
      throw stateFailure("release the reconcile lease", e);
    }
  }

  private async currentLease(): Promise<Item | undefined> {
    const out = await this.call("read the reconcile lease", () =>
      this.options.client.send(
        new GetItemCommand({ TableName: this.options.table, Key: LEASE, ConsistentRead: true }),
      ),
    );
    return out.Item;
  }

  private async put(doing: string, item: Item): Promise<void> {
    await this.call(doing, () =>
      this.options.client.send(new PutItemCommand({ TableName: this.options.table, Item: item })),
    );
  }

  private async query(
    pk: string,
    ascending: boolean,
    limit = Number.POSITIVE_INFINITY,
  ): Promise<Item[]> {
    return this.call(`list ${pk} records`, async () => {
      const items: Item[] = [];
      const pages = paginateQuery(
        { client: this.options.client },
        {
          TableName: this.options.table,
          KeyConditionExpression: "pk = :pk",
          ExpressionAttributeValues: { ":pk": { S: pk } },
          ScanIndexForward: ascending,
          ConsistentRead: true,
          ...(Number.isFinite(limit) && { Limit: Math.min(limit, 1000) }),
        },
      );
      for await (const page of pages) {
        items.push(...(page.Items ?? []));
        if (items.length >= limit) break;
      }
      return items.slice(0, limit);
    });
  }

  /** A stored record, checked: a body that is not JSON, or not a record of its kind, names its item. */
  private body<K extends "applied" | "run" | "succession" | "share-event" | "usage">(
    kind: K,
    item: Item,
  ) {
    const corrupt = (problem: string) => this.corrupt(item, problem);
    const text = item.body?.S;
    if (text === undefined) throw corrupt("it has no string attribute `body`");
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw Object.assign(corrupt(`its body is not valid JSON (${(e as Error).message})`), {
        cause: e,
      });
    }
    return checkedRecord(kind, value, (p) =>
      corrupt(`its body is not a valid ${kind} record: ${p}`),
    );
  }

  /** The lease item as a Lease; an item missing its owner, token or expiry is corrupt. */
  private leaseOf(item: Item): Lease {
    const value = {
      owner: item.owner?.S,
      token: item.token?.S,
      expiresAt: item.expiresAt?.S,
      ...(item.runId?.S ? { runId: item.runId.S } : {}),
    };
    return checkedRecord("lease", value, (p) => this.corrupt(item, `it is not a lease: ${p}`));
  }

  private corrupt(item: Item, problem: string): LabenvError {
    const where = `pk=${item.pk?.S ?? "?"}, sk=${item.sk?.S ?? "?"}`;
    return new LabenvError(
      "state",
      `the DynamoDB item ${where} in table ${this.options.table} is corrupt: ${problem}`,
      {
        hint: "restore it from the table's point-in-time recovery, or delete that item (a reconcile observes the account again and records it)",
      },
    );
  }

  private async call<T>(doing: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw stateFailure(doing, e);
    }
  }
}

function key(pk: string, sk: string): Item {
  return { pk: { S: pk }, sk: { S: sk } };
}

function stateFailure(doing: string, e: unknown): LabenvError {
  if (isLabenvError(e)) return e;
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new LabenvError("state", `DynamoDB refused to ${doing}: ${detail}`, { cause: e });
}
