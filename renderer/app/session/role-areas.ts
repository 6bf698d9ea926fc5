import type { MethodName } from '../../../electron/api-spec';
import { AREAS, type AreaRoute } from '../routes';
import { useMayCall, useSession } from './session';

/**
 * The call each area is for: an area whose call the role may not make is left out of the menu. Mostly the read it
 * opens with; 按单位填报 is a page for filling in, so a role that reads but may not report does not get it.
 */
const AREA_CALLS: Record<string, MethodName> = {
  '/dashboard': 'overview.dashboard',
  '/projects': 'projects.list',
  '/board': 'projects.list',
  '/chain-leads': 'overview.chainLeads',
  '/contact-leaders': 'overview.contactLeaders',
  '/attraction': 'stats.attraction',
  '/stats': 'stats.ranking',
  '/dispatch': 'dispatch.week',
  '/problems': 'problems.list',
  '/factors': 'factors.shortfalls',
  '/ledger': 'ledger.export',
  '/bulletin': 'bulletin.printData',
  '/history': 'audit.list',
  '/unit': 'dispatch.saveEntry',
  '/settings': 'settings.get',
};

/** A 责任单位 user works on their unit's own page (route /unit) and nowhere else. */
const UNIT_AREAS: AreaRoute[] = [{ path: '/unit', label: '本单位填报' }];

/** The side menu as the logged-in user's role sees it; the whole menu on a single PC. */
export function useAreas(): AreaRoute[] {
  const { user } = useSession();
  const mayCall = useMayCall();
  if (user?.role === 'unit') return UNIT_AREAS;
  return AREAS.filter((area) => {
    const read = AREA_CALLS[area.path];
    return !read || mayCall(read);
  });
}

/** Where `/` leads: the 工作台, or a unit user's own page. */
export function useHomePath(): string {
  return useSession().user?.role === 'unit' ? '/unit' : '/dashboard';
}
