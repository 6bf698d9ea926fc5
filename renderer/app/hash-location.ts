import { useSyncExternalStore } from 'react';

// The whole route lives in the hash (#/projects?stage=new_start), query included, so links work the same
// from file:// in Electron and from the browser host, and a query never outlives its page.

function subscribe(onChange: () => void): () => void {
  addEventListener('hashchange', onChange);
  return () => removeEventListener('hashchange', onChange);
}

const currentHash = () => `/${location.hash.replace(/^#?\/?/, '')}`;

function useHash(): string {
  return useSyncExternalStore(subscribe, currentHash, () => '/');
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const target = `#${to.startsWith('/') ? to : `/${to}`}`;
  if (options.replace) {
    const oldURL = location.href;
    history.replaceState(history.state, '', target);
    dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: location.href }));
  } else {
    location.hash = target;
  }
}

export function useHashPath(): [string, typeof navigate] {
  return [useHash().split('?')[0], navigate];
}

export function useHashSearch(): string {
  return useHash().split('?')[1] ?? '';
}
