import type Database from 'better-sqlite3';

/**
 * better-sqlite3 builds SQLite with a 16 MB page cache per connection. A check that reads a file through once
 * gains nothing from it (2 MB checks the five-year office's 300 MB file as fast), and in a long-running host
 * what the cache filled stays in the allocator after the connection closes (issue #13's memory goal).
 */
export function readOnceCache(db: Database.Database): void {
  db.pragma('cache_size = -2000');
}
