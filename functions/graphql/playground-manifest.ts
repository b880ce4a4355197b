/**
 * What the playground build writes and the playground middleware reads: one
 * definition, so the two cannot disagree about file names or content types.
 */
export const MANIFEST_FILE = 'manifest.json';
export const PAGE_FILE = 'index.html';

export type AssetEncoding = 'br' | 'gzip';

export interface PlaygroundAsset {
  contentType: string;
  bytes: number;
  /** Precompressed copies written beside the file (`<name>.br`, `<name>.gz`). */
  encodings: AssetEncoding[];
}

export interface PlaygroundManifest {
  /** The hash of the build's inputs; an unchanged hash skips the build. */
  inputHash: string;
  page: string;
  assets: Record<string, PlaygroundAsset>;
}

export const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export const ENCODING_SUFFIX: Record<AssetEncoding, string> = { br: '.br', gzip: '.gz' };
