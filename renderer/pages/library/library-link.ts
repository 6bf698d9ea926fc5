import type { ColumnFiltersState } from '@tanstack/react-table';
import { libraryHref, type LibraryLink } from '../../links/library-href';
import { FILTER_COLUMNS, isLightChoice, stageFromQuery, withFilter } from './library-filters';

export interface LinkedView {
  /** the link in a normal form, so the library knows whether it has already applied it; null without a link */
  key: string | null;
  /** the column filters the link asks for, replacing whatever was set */
  filters: ColumnFiltersState;
}

/** `chain=12`: a chain's id, as the charts' bars link to it (and `contactLeader=3`, a 包挂领导's). */
function chainFromQuery(text: string | null): number | undefined {
  const id = Number(text);
  return text && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** The filters a link asks for: 工作台 links to the red projects, 链长视图 to one 链长's red projects. */
export function linkedViewFromQuery(search: string): LinkedView {
  const query = new URLSearchParams(search);
  const light = query.get('light');
  const link: LibraryLink = {
    stage: stageFromQuery(search) ?? undefined,
    light: isLightChoice(light) ? light : undefined,
    lead: query.get('lead')?.trim() || undefined,
    chain: chainFromQuery(query.get('chain')),
    contactLeader: chainFromQuery(query.get('contactLeader')),
    promotion: query.get('promotion') === '1' || undefined,
  };
  let filters: ColumnFiltersState = [];
  if (link.stage) filters = withFilter(filters, FILTER_COLUMNS.stage, link.stage);
  if (link.light) filters = withFilter(filters, FILTER_COLUMNS.light, [link.light]);
  if (link.lead) filters = withFilter(filters, FILTER_COLUMNS.lead, [link.lead]);
  if (link.chain) filters = withFilter(filters, FILTER_COLUMNS.chain, [link.chain]);
  if (link.contactLeader) filters = withFilter(filters, FILTER_COLUMNS.contactLeader, [link.contactLeader]);
  if (link.promotion) filters = withFilter(filters, FILTER_COLUMNS.promotion, true);
  return { key: filters.length ? libraryHref(link) : null, filters };
}
