/**
 * Readable stack traces for the bundled function without paying for them at
 * start-up. `--enable-source-maps` reads and parses the bundle's whole source
 * map at every cold start; here a file's map is read on the first stack trace
 * anything formats (an error logged with its stack) with a frame in that file,
 * and stack frames in the bundle (index.mjs and the chunks beside it) are then
 * printed at their source file, line and function. Errors whose stack nobody
 * reads (a client's bad query) never load a map.
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

type Mapper = (
  line: number,
  column: number,
) => { source: string; line: number; column: number; name?: string } | undefined;

function loadMapper(bundleFile: string): Mapper | undefined {
  try {
    const map = new SourceMap(
      JSON.parse(readFileSync(`${bundleFile}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0],
    );
    return (line, column) => {
      const entry = map.findEntry(line - 1, column - 1) as Partial<{
        originalSource: string;
        originalLine: number;
        originalColumn: number;
        name: string;
      }>;
      if (entry.originalSource === undefined || entry.originalLine === undefined || entry.originalColumn === undefined)
        return undefined;
      return {
        source: entry.originalSource,
        line: entry.originalLine + 1,
        column: entry.originalColumn + 1,
        name: entry.name,
      };
    };
  } catch {
    // No map beside the bundle (a local run from sources): frames stay as V8 prints them.
    return undefined;
  }
}

function frame(site: NodeJS.CallSite, inBundle: (file: string) => Mapper | undefined): string {
  const line = site.getLineNumber();
  const column = site.getColumnNumber();
  // An ES module's frames name it by URL.
  const file = site.getFileName();
  const mapper = file === null ? undefined : inBundle(file);
  const mapped = mapper !== undefined && line !== null && column !== null ? mapper(line, column) : undefined;
  // V8's CallSite has its own toString (the frame as V8 prints it), which @types/node does not declare.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  if (mapped === undefined) return `    at ${String(site)}`;
  const name = mapped.name ?? site.getFunctionName() ?? '<anonymous>';
  return `    at ${site.isAsync() ? 'async ' : ''}${name} (${mapped.source.replace(/^(\.\.\/)+/, '')}:${mapped.line}:${mapped.column})`;
}

/**
 * Formats stack frames of the bundle whose entry is `bundleUrl` (the
 * handler's import.meta.url once bundled), and of the chunks beside it, at
 * their source positions. Run from sources (not a .mjs bundle), it leaves
 * stack traces alone.
 */
export function mapStackTracesOnDemand(bundleUrl: string): void {
  if (!bundleUrl.startsWith('file:') || !bundleUrl.endsWith('.mjs')) return;
  const directory = new URL('./', bundleUrl).href;
  const mappers = new Map<string, Mapper | undefined>();
  const inBundle = (file: string): Mapper | undefined => {
    if (!file.startsWith(directory) || !file.endsWith('.mjs') || file.slice(directory.length).includes('/'))
      return undefined;
    if (!mappers.has(file)) mappers.set(file, loadMapper(fileURLToPath(file)));
    return mappers.get(file);
  };
  Error.prepareStackTrace = (error, sites) =>
    [Error.prototype.toString.call(error), ...sites.map((site) => frame(site, inBundle))].join('\n');
}
