/** The frame of every view: a skip link, the site's navigation, the pinned version if any. */
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useHref, useParams, VERSION_PARAM } from '../routing';

const NAV = [
  ['/', 'Documents'],
  ['/search', 'Search'],
  ['/timeline', 'Timeline'],
  ['/disagreements', 'Disagreements'],
  ['/changes', 'What changed'],
] as const;

export function Layout({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  const href = useHref();
  const version = useParams().get(VERSION_PARAM);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link href={href('/')} className="site-title">
          Allied Interaction explorer
        </Link>
        <nav aria-label="Views">
          <ul>
            {NAV.map(([path, label]) => (
              <li key={path}>
                <Link href={href(path)} aria-current={location === path ? 'page' : undefined}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {version === null ? null : (
        <p className="pinned" role="note">
          Showing corpus version {version}. <Link href={location}>Show the current version</Link>
        </p>
      )}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
