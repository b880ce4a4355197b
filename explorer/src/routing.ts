/** URLs: every view's state is in its path and query string, so a reload or a shared link shows the same thing. */
import { useSearch } from 'wouter';

export const VERSION_PARAM = 'version';

export function useParams(): URLSearchParams {
  return new URLSearchParams(useSearch());
}

/** The corpus version the URL pins, if any. */
export function pinnedVersion(search: string): number | undefined {
  const value = new URLSearchParams(search).get(VERSION_PARAM);
  return value !== null && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : undefined;
}

/** A link to `path` with `params`, keeping the pinned version. */
export function useHref(): (path: string, params?: Record<string, string | undefined>) => string {
  const version = pinnedVersion(useSearch());
  return (path, params = {}) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(key, value);
    if (version !== undefined) query.set(VERSION_PARAM, String(version));
    const text = query.toString();
    return text === '' ? path : `${path}?${text}`;
  };
}

export const SUBJECT_PATHS = {
  Person: '/people',
  Organization: '/organizations',
  Place: '/places',
  Event: '/timeline',
} as const;
