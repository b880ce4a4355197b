/** A draft as files in the corpus format, in its own folder (never the corpus itself). */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { documentTextFile } from '../../functions/refresh/corpus-schema.js';
import type { Draft } from './types.js';

/** The draft's extra files, beside the corpus files: read by the editor and the merge, never by the refresh. */
export const ADDITIONS_FILE = 'additions.yaml';
export const RELATED_FILE = 'related-claims.yaml';
export const RAW_FOLDER = 'raw';

export const YAML_OPTIONS = { lineWidth: 0, flowCollectionPadding: false, indentSeq: false } as const;

export async function writeDraft(draft: Draft, dir: string): Promise<string[]> {
  const { text, ...document } = draft.document;
  const files: Record<string, string> = {
    [`${RAW_FOLDER}/${draft.raw.name}`]: draft.raw.content,
    [documentTextFile(document.id)]: text,
    'documents.yaml': yaml([document]),
    'people.yaml': yaml(draft.people),
    'organizations.yaml': yaml(draft.organizations),
    'places.yaml': yaml(draft.places),
    'events.yaml': yaml(draft.events),
    'claims.yaml': yaml(draft.claims),
    [ADDITIONS_FILE]: `# Changes to entries the corpus has: the merge adds each list's items to the entry.\n${yaml(draft.additions)}`,
    [RELATED_FILE]: `# For each drafted claim, claims of other documents on the same subjects or events: relate them by hand\n# (a relation on the claim: SUPPORTS, CONTRADICTS or QUALIFIES), or not. The merge ignores this file.\n${yaml(draft.related)}`,
  };
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return Object.keys(files);
}

const yaml = (value: unknown) => (Array.isArray(value) && value.length === 0 ? '[]\n' : stringify(value, YAML_OPTIONS));
