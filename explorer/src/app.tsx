/** The explorer's routes: each view at a URL of its own; anything else is the not-found view. */
import { useMemo } from 'react';
import { Provider } from 'urql';
import { Route, Switch, useSearch } from 'wouter';
import { createClient } from './client';
import { Layout } from './components/layout';
import { NotFound } from './components/status';
import { pinnedVersion } from './routing';
import { Changes } from './views/changes';
import { Disagreements } from './views/disagreements';
import { DocumentReader } from './views/document-reader';
import { Home } from './views/home';
import { Search } from './views/search';
import { OrganizationPage, PersonPage, PlacePage } from './views/subject';
import { Timeline } from './views/timeline';

export function App() {
  const version = pinnedVersion(useSearch());
  // A pinned version gets a client and a cache of its own: its answers never mix with the current version's.
  const client = useMemo(() => createClient(version), [version]);
  return (
    <Provider value={client}>
      <Layout>
        <Switch>
          <Route path="/">
            <Home />
          </Route>
          <Route path="/search">
            <Search />
          </Route>
          <Route path="/documents/:id">{(params) => <DocumentReader key={params.id} id={params.id} />}</Route>
          <Route path="/people/:id">{(params) => <PersonPage id={params.id} />}</Route>
          <Route path="/organizations/:id">{(params) => <OrganizationPage id={params.id} />}</Route>
          <Route path="/places/:id">{(params) => <PlacePage id={params.id} />}</Route>
          <Route path="/timeline">
            <Timeline />
          </Route>
          <Route path="/disagreements">
            <Disagreements />
          </Route>
          <Route path="/changes">
            <Changes />
          </Route>
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </Layout>
    </Provider>
  );
}
