import { recordVersionsSuite } from '../helpers/record-versions-suite';

// Versions and conflicts on a database server: the suite of tests/services/record-versions.test.ts, each test on
// a new library's database of the run's cluster.
recordVersionsSuite('postgres');
