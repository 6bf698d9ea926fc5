import { createContext, useContext, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { useLocation } from 'wouter';

type Navigate = (to: string) => void;

const NavigateContext = createContext<Navigate | null>(null);

/**
 * One navigate for the RowLinks inside (a grid's rows): wouter's Link follows the location in every link, which a
 * list mounting thirty rows a frame while scrolling pays for on each of them.
 */
export function RowLinkScope({ children }: { children: ReactNode }) {
  const [, navigate] = useLocation();
  return <NavigateContext.Provider value={navigate}>{children}</NavigateContext.Provider>;
}

interface RowLinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  href: string;
}

/** A link in a grid row: the same <a> and the same clicks as wouter's Link, inside a RowLinkScope. */
export function RowLink({ href, onClick, ...rest }: RowLinkProps) {
  const navigate = useContext(NavigateContext);
  if (!navigate) throw new Error('RowLink needs a RowLinkScope around it');
  const go: Navigate = navigate;
  function follow(event: MouseEvent<HTMLAnchorElement>) {
    // a modified or non-left click is the browser's, as with wouter's Link
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || event.button !== 0) return;
    onClick?.(event);
    if (event.defaultPrevented) return;
    event.preventDefault();
    go(href);
  }
  return <a {...rest} href={href} onClick={follow} />;
}
