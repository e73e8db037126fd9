/**
 * Test support, run as a child process (bundled by the concurrency test): appends `count`
 * points to the history in `dir` through a real HistoryStore with a real lock file, as the app
 * or the CLI would. Writer `id` writes the minutes id, id + writers, id + 2·writers, … of the
 * last 48 hours (all kept by thinning) and, every fifth point, an old one that thinning folds
 * into its hour, so compactions really rewrite the file while the other writer appends.
 * argv: dir id writers count slack now
 */
import { HistoryStore } from '../balance/history-store.js';

const [dir, id, writers, count, slack, now] = process.argv.slice(2);
const base = Number(now) - 40 * 3600_000;
const store = new HistoryStore({ dir: dir!, slack: Number(slack), now: () => Number(now), localOffset: () => 0 });
const tasks: Promise<void>[] = [];
for (let i = 0; i < Number(count); i += 1) {
  const minute = i * Number(writers) + Number(id);
  tasks.push(store.append({ at: base + minute * 60_000, currency: 'USDT', total: `${id}.${i}` }));
  if (i % 5 === 0) tasks.push(store.append({ at: base - 10 * 24 * 3600_000 + i * 1000, currency: 'USDT', total: '1' }));
}
await Promise.all(tasks);
process.stdout.write('done\n');
