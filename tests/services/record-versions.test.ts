import { recordVersionsSuite } from '../helpers/record-versions-suite';

// Versions and conflicts on a SQLite file (the suite runs on PostgreSQL in tests/postgres/).
recordVersionsSuite('sqlite');
