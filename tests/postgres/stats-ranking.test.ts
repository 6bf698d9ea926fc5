import { statsRankingSuite } from '../helpers/stats-ranking-suite';

// stats.ranking on a database server: the suite of tests/services/stats-ranking.test.ts on a new library's database.
statsRankingSuite('postgres');
