/**
 * The 24-hour change of each currency's newest total, worked out where that total is recorded:
 * the history is read (under the writer lock, in the same step as the append) just before the
 * new point goes in, so the change compares against what came before it — whoever wrote it,
 * the CLI included. It is the BalanceService's history port for the user's account; demo
 * totals never reach it.
 */
import type { Currency, DecimalString, HistoryPoint } from '../../../shared/balance.js';
import type { Change24h } from '../../../shared/change.js';
import { change24h } from '../../../shared/change.js';
import type { HistoryPort } from './balance-service.js';

/** What the tracker needs of the history (HistoryStore has it). */
export interface ChangeHistory {
  /** Appends `point`, answering its currency's points as they were just before it. */
  record(point: HistoryPoint): Promise<HistoryPoint[]>;
  read(currency: Currency): Promise<HistoryPoint[]>;
}

export interface ChangeTrackerOptions {
  readonly history: ChangeHistory;
  /** A change became known: the state should be assembled again. */
  readonly onChange?: () => void;
}

interface Known {
  readonly at: number;
  readonly total: DecimalString;
  readonly change: Change24h | null;
}

/** A total as the change is asked for it: the snapshot shown, or an alert currency's newest. */
export interface TotalAt {
  readonly currency: Currency;
  readonly at: number;
  readonly total: DecimalString;
}

/** Records totals and remembers, per currency, the change of the newest one. */
export class ChangeTracker implements HistoryPort {
  readonly #history: ChangeHistory;
  readonly #onChange: () => void;
  readonly #known = new Map<Currency, Known>();

  constructor(options: ChangeTrackerOptions) {
    this.#history = options.history;
    this.#onChange = options.onChange ?? (() => undefined);
  }

  /**
   * Records `point` and works out its change against the points before it. When the history
   * cannot be written (a read-only folder), the change is still worked out from a read when
   * that works; the write's error is then passed on, for the caller's one warning.
   */
  async append(point: HistoryPoint): Promise<void> {
    let before: HistoryPoint[];
    let failure: unknown = null;
    try {
      before = await this.#history.record(point);
    } catch (error) {
      failure = error;
      before = await this.#history.read(point.currency).catch(() => []);
    }
    this.#known.set(point.currency, { at: point.at, total: point.total, change: change24h(before, point) });
    this.#onChange();
    if (failure !== null) throw failure;
  }

  /**
   * The change of `total` if it is the total last recorded for its currency (null: no earlier
   * point); undefined while it is not known — a snapshot still being recorded, or one this
   * tracker never saw.
   */
  knownChange(total: TotalAt): Change24h | null | undefined {
    const known = this.#known.get(total.currency);
    return known !== undefined && known.at === total.at && known.total === total.total ? known.change : undefined;
  }

  /** The history was forgotten: so is every change worked out from it. */
  clear(): void {
    this.#known.clear();
    this.#onChange();
  }
}
