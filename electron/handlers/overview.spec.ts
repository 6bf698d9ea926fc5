import type { ChainLeadOverview, DashboardSummary } from '../../db/model/overview';
import { method, noInput } from './spec-shared';

export const overviewSpec = {
  'overview.dashboard': method<DashboardSummary>()(noInput),
  'overview.chainLeads': method<ChainLeadOverview>()(noInput),
};
