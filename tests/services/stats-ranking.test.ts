import { statsRankingSuite } from '../helpers/stats-ranking-suite';

// stats.ranking on a SQLite file (the suite runs on PostgreSQL in tests/postgres/stats-ranking.test.ts).
statsRankingSuite('sqlite');
