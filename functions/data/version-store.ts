/**
 * Published versions: the pointer that names the current version and the
 * versions still kept (one item, `#META` / `#CURRENT` in the documents table),
 * and the change pages each version wrote beside its items. Publishing is one
 * conditional Put of the pointer: it succeeds only over the version it
 * replaces, so two refreshes can never both publish, and a reader that reads
 * the pointer sees either the old version or the new one, whole.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { PublishConflictError } from '../shared/errors.js';
import type { DataSources } from './client.js';
import { keys } from './keys.js';
import { TABLES } from './tables.js';
import type { ChangeKind, EntityType, VersionPointer } from './version-schemas.js';

export type { ChangeEntry, ChangeKind, EntityType, VersionPointer, VersionRecord } from './version-schemas.js';

let loading: Promise<typeof import('./version-schemas.js')> | undefined;
/** The schemas, imported once, with the first read that needs them. */
const versionSchemas = () => (loading ??= import('./version-schemas.js'));

/** Changes per page item: about 1 KB, so a first load's changes cost a few percent of its writes, not one write each. */
export const CHANGES_PER_PAGE = 25;

/**
 * The format of the pointer item: publishPointer checks the pointer against
 * versionPointerSchema before it writes it, and tags it with this number.
 * A tagged pointer is used as read; one without the tag (written before it
 * existed, or edited by hand and untagged) is parsed, so it fails with the
 * schema's message if it does not match. Readers thus load no zod at a cold
 * start. Bump it with any change to the pointer's shape.
 */
export const POINTER_FORMAT = 1;

/** The current pointer, or undefined before the first publication. */
export async function readPointer(ds: DataSources): Promise<VersionPointer | undefined> {
  const out = await ds.db.send(
    new GetCommand({ TableName: ds.tables.documents, Key: keys.current(), ConsistentRead: true }),
  );
  if (out.Item === undefined) return undefined;
  if (out.Item.format === POINTER_FORMAT) return out.Item as VersionPointer;
  return (await versionSchemas()).versionPointerSchema.parse(out.Item);
}

/** The one atomic write that makes a version current: a Put conditioned on the version it replaces. */
export async function publishPointer(
  ds: DataSources,
  next: VersionPointer,
  replaces: number | undefined,
): Promise<void> {
  const pk = TABLES.documents.partitionKey;
  // A pointer that does not match its schema is a fault of the refresh: it is never published.
  const checked = (await versionSchemas()).versionPointerSchema.parse(next);
  try {
    await ds.db.send(
      new PutCommand({
        TableName: ds.tables.documents,
        Item: { ...keys.current(), ...checked, format: POINTER_FORMAT },
        ConditionExpression: replaces === undefined ? 'attribute_not_exists(#pk)' : '#current = :replaces',
        ExpressionAttributeNames: replaces === undefined ? { '#pk': pk } : { '#current': 'current' },
        ...(replaces === undefined ? {} : { ExpressionAttributeValues: { ':replaces': replaces } }),
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new PublishConflictError(replaces);
    throw error;
  }
}

/** Forgets retired versions whose items are gone (checked like the pointer); a no-op when another version was published meanwhile. */
export async function updateRetired(
  ds: DataSources,
  current: number,
  retired: VersionPointer['retired'],
): Promise<void> {
  (await versionSchemas()).versionPointerSchema.shape.retired.parse(retired);
  try {
    await ds.db.send(
      new UpdateCommand({
        TableName: ds.tables.documents,
        Key: keys.current(),
        UpdateExpression: 'SET #retired = :retired',
        ConditionExpression: '#current = :current',
        ExpressionAttributeNames: { '#retired': 'retired', '#current': 'current' },
        ExpressionAttributeValues: { ':retired': retired, ':current': current },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

export interface ChangeModel {
  kind: ChangeKind;
  type: EntityType;
  id: string;
  version: number;
}
