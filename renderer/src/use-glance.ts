/**
 * The one place the renderer touches `window.glance`. It subscribes to the state pushes,
 * fetches the first state and the history, ticks a clock (so "live" turns "stale" on time,
 * not on the next push) and wraps every request so a failure — an `{ok:false}` answer or a
 * rejected promise — becomes a shown error, never an exception. Components below it only
 * get props.
 */
import type { Diagnostics } from '../../shared/diagnostics.js';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Currency } from '../../shared/balance.js';
import { appError, type AppError, type Result } from '../../shared/errors.js';
import type { HistoryView } from '../../shared/history.js';
import type { HoldingsView } from '../../shared/holdings.js';
import { errorWords } from '../../shared/present/error-words.js';
import { noticeText } from '../../shared/present/notice-words.js';
import type { Words } from '../../shared/present/words.js';
import type {
  CredentialsStatus,
  GlanceApi,
  HistoryQuery,
  HoldingsRequest,
  PreferencesPatch,
  ClearCredentialsInput,
  AddGateAccountInput,
  AddGateAccountResult,
  GateAccountPatch,
  SaveCredentialsInput,
  SaveCredentialsResult,
  WidgetState,
} from '../../shared/ipc.js';

declare global {
  interface Window {
    /** Set by the preload (or the browser e2e bridge); absent when the page runs on its own. */
    glance?: GlanceApi;
  }
}

/** Test seams: a fake API and a fake clock. The app passes nothing. */
/** What an update button asks of main. */
export type UpdateAction = 'check' | 'download' | 'restart' | 'release-page';

export interface UseGlanceOptions {
  readonly api?: GlanceApi;
  readonly now?: () => number;
  /** How often the clock ticks, ms. */
  readonly tickMs?: number;
}

/** Everything the popover can ask main to do; each resolves, none throws. */
interface GlanceActions {
  readonly refresh: () => Promise<void>;
  readonly setCurrency: (currency: Currency) => Promise<void>;
  /** Answers the full result: the form shows warnings and keeps the key on failure. */
  readonly saveCredentials: (input: SaveCredentialsInput) => Promise<Result<SaveCredentialsResult>>;
  readonly clearCredentials: (input: ClearCredentialsInput) => Promise<Result<CredentialsStatus>>;
  /** "Add another Gate account": answers the full result, as a save does (the form shows a failure itself). */
  readonly addGateAccount: (input: AddGateAccountInput) => Promise<Result<AddGateAccountResult>>;
  readonly removeGateAccount: (profile: string) => Promise<void>;
  readonly setGateAccount: (patch: GateAccountPatch) => Promise<void>;
  readonly startDemo: () => Promise<void>;
  readonly setPrefs: (patch: PreferencesPatch) => Promise<void>;
  readonly exportHistoryCsv: () => Promise<void>;
  readonly hideWindow: () => Promise<void>;
  readonly openKeyPage: () => Promise<void>;
  /** macOS 13+: Settings' button beside a login item waiting for approval. */
  readonly openLoginItemSettings: () => Promise<void>;
  /** Settings' and the popover's update buttons. */
  readonly updateAction: (action: UpdateAction) => Promise<void>;
  /** "Check now": asks main to read the key's health again (the state shows the answer). */
  readonly checkKeyHealth: () => Promise<void>;
  /** One account's coins; the holdings view shows a failure itself (never the message bar). */
  readonly getHoldings: (request: HoldingsRequest) => Promise<Result<HoldingsView>>;
  /** One range of one currency's history; the chart shows a failure itself. */
  readonly getHistory: (query: HistoryQuery) => Promise<Result<HistoryView>>;
  /** The doctor's report for Settings; Diagnostics shows a failure itself. */
  readonly getDiagnostics: () => Promise<Result<Diagnostics>>;
  readonly dismissMessage: () => void;
}

/** A transient line under the header: a failed action, or what a finished one did. */
interface GlanceMessage {
  readonly kind: 'error' | 'info';
  /** The line in the words the popover shows now (so a language switch rewords it too). */
  readonly text: (words: Words) => string;
  readonly error: AppError | null;
}

/** What the hook gives the app. */
export interface GlanceView {
  /** Null until the first state arrives. */
  readonly state: WidgetState | null;
  /** Set when there is no bridge or the first `getState` failed. */
  readonly bridgeError: AppError | null;
  /** The ticking clock, epoch ms. */
  readonly now: number;
  /** The last 24 hours of the shown currency's history (the sparkline's); null until answered or after a failure. */
  readonly day: HistoryView | null;
  /** The currency the user just picked, until main's state confirms it. */
  readonly pendingCurrency: Currency | null;
  readonly message: GlanceMessage | null;
  readonly actions: GlanceActions;
}

const NO_BRIDGE: AppError = appError('INTERNAL', { reason: 'no-bridge' });

function thrown(err: unknown): AppError {
  return appError('INTERNAL', { reason: 'thrown' }, err instanceof Error ? err.message : null);
}

async function settle<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch (err) {
    return { ok: false, error: thrown(err) };
  }
}

/** Reads a named error as one line: what happened, then what to do. */
function errorText(words: Words, error: AppError): string {
  const { message, hint } = errorWords(words, error);
  return `${message} ${hint}`.trim();
}

/** What main noticed about a saved key pair (the first or an added one), for the message bar; null when nothing. */
function noticesMessage(r: Result<SaveCredentialsResult>): GlanceMessage | null {
  if (!r.ok || r.value.notices.length === 0) return null;
  const notices = r.value.notices;
  return { kind: 'info', text: (words) => notices.map((n) => noticeText(words, n)).join(' '), error: null };
}

/** Binds the popover to `window.glance` (or `options.api`). */
export function useGlance(options: UseGlanceOptions = {}): GlanceView {
  const api = options.api ?? window.glance ?? null;
  const nowFn = options.now ?? Date.now;
  const tickMs = options.tickMs ?? 1000;

  const [state, setState] = useState<WidgetState | null>(null);
  const [bridgeError, setBridgeError] = useState<AppError | null>(api === null ? NO_BRIDGE : null);
  const [now, setNow] = useState(() => nowFn());
  const [day, setDay] = useState<{ readonly currency: Currency; readonly view: HistoryView } | null>(null);
  const [pendingCurrency, setPendingCurrency] = useState<Currency | null>(null);
  const [message, setMessage] = useState<GlanceMessage | null>(null);
  const nowRef = useRef(nowFn);
  useEffect(() => {
    nowRef.current = nowFn;
  }, [nowFn]);

  // State: subscribe first so no push between getState and onState is lost; a push wins over
  // the (older) initial answer.
  useEffect(() => {
    if (api === null) return undefined;
    let pushed = false;
    let alive = true;
    const accept = (next: WidgetState) => {
      // The clock moves with every state, so a countdown to one of its deadlines starts at its full length.
      setNow(nowRef.current());
      setState(next);
    };
    const unsubscribe = api.onState((next) => {
      pushed = true;
      accept(next);
      // Main now shows the picked currency: the optimistic choice has done its job.
      setPendingCurrency((p) => (p === next.currency ? null : p));
      setBridgeError(null);
    });
    void settle(() => api.getState()).then((r) => {
      if (!alive) return;
      if (r.ok) {
        if (!pushed) accept(r.value);
        setBridgeError(null);
      } else if (!pushed) {
        setBridgeError(r.error);
      }
    });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [api]);

  useEffect(() => {
    const id = setInterval(() => setNow(nowRef.current()), tickMs);
    return () => clearInterval(id);
  }, [tickMs]);

  const confirmedCurrency = state?.currency ?? null;

  // The day's history follows the shown currency and each new snapshot.
  const fetchedAt = state?.balance?.fetchedAt ?? null;
  // With a portfolio, the day under the combined total is the combined series'.
  const combined = (state?.portfolio ?? null) !== null;
  useEffect(() => {
    if (api === null || confirmedCurrency === null) return undefined;
    let alive = true;
    const query: HistoryQuery = { currency: confirmedCurrency, range: '24h', ...(combined ? { series: 'combined' as const } : {}) };
    void settle(() => api.getHistory(query)).then((r) => {
      if (alive) setDay(r.ok ? { currency: confirmedCurrency, view: r.value } : null);
    });
    return () => {
      alive = false;
    };
  }, [api, confirmedCurrency, fetchedAt, combined]);

  const run = useCallback(
    async <T>(call: (a: GlanceApi) => Promise<Result<T>>): Promise<Result<T>> => {
      if (api === null) return { ok: false, error: NO_BRIDGE };
      const r = await settle(() => call(api));
      if (!r.ok) setMessage({ kind: 'error', text: (words) => errorText(words, r.error), error: r.error });
      return r;
    },
    [api],
  );

  const refresh = useCallback(async () => {
    await run((a) => a.refresh());
  }, [run]);

  const setCurrency = useCallback(
    async (currency: Currency) => {
      setPendingCurrency(currency);
      const r = await run((a) => a.setCurrency(currency));
      // Refused: main's currency is the truth again. Accepted: keep showing the choice until
      // main's state (pushed before or after this answer) confirms it.
      if (!r.ok) setPendingCurrency((p) => (p === currency ? null : p));
    },
    [run],
  );

  const saveCredentials = useCallback(
    async (input: SaveCredentialsInput) => {
      if (api === null) return { ok: false, error: NO_BRIDGE } as const;
      // The form shows this failure itself, next to the fields.
      const r = await settle(() => api.saveCredentials(input));
      const said = noticesMessage(r);
      if (said !== null) setMessage(said);
      return r;
    },
    [api],
  );

  const addGateAccount = useCallback(
    async (input: AddGateAccountInput) => {
      if (api === null) return { ok: false, error: NO_BRIDGE } as const;
      // As a save: the form shows a failure itself; what main noticed goes to the message bar.
      const r = await settle(() => api.addGateAccount(input));
      const said = noticesMessage(r);
      if (said !== null) setMessage(said);
      return r;
    },
    [api],
  );

  const removeGateAccount = useCallback(
    async (profile: string) => {
      await run((a) => a.removeGateAccount(profile));
    },
    [run],
  );

  const setGateAccount = useCallback(
    async (patch: GateAccountPatch) => {
      await run((a) => a.setGateAccount(patch));
    },
    [run],
  );

  const clearCredentials = useCallback(
    async (input: ClearCredentialsInput) => {
      const r = await run((a) => a.clearCredentials(input));
      if (r.ok) setMessage({ kind: 'info', text: (words) => words.t('popover.key-removed'), error: null });
      return r;
    },
    [run],
  );

  const startDemo = useCallback(async () => {
    await run((a) => a.startDemo());
  }, [run]);

  const setPrefs = useCallback(
    async (patch: PreferencesPatch) => {
      await run((a) => a.setPrefs(patch));
    },
    [run],
  );

  const exportHistoryCsv = useCallback(async () => {
    const r = await run((a) => a.exportHistoryCsv());
    if (r.ok && r.value.saved) {
      const path = r.value.path;
      setMessage({
        kind: 'info',
        text: (words) => (path === null ? words.t('popover.history-saved-somewhere') : words.t('popover.history-saved', { path })),
        error: null,
      });
    }
  }, [run]);

  const hideWindow = useCallback(async () => {
    await run((a) => a.hideWindow());
  }, [run]);

  const openKeyPage = useCallback(async () => {
    await run((a) => a.openKeyPage());
  }, [run]);

  const openLoginItemSettings = useCallback(async () => {
    await run((a) => a.openLoginItemSettings());
  }, [run]);

  const updateAction = useCallback(
    async (action: UpdateAction) => {
      await run((a) => {
        switch (action) {
          case 'check':
            return a.checkForUpdates();
          case 'download':
            return a.downloadUpdate();
          case 'restart':
            return a.restartToUpdate();
          case 'release-page':
            return a.openReleasePage();
        }
      });
    },
    [run],
  );
  const checkKeyHealth = useCallback(async () => {
    await run((a) => a.checkKeyHealth());
  }, [run]);

  const getHoldings = useCallback(
    async (request: HoldingsRequest): Promise<Result<HoldingsView>> =>
      api === null ? { ok: false, error: NO_BRIDGE } : settle(() => api.getHoldings(request)),
    [api],
  );

  const getHistory = useCallback(
    async (query: HistoryQuery): Promise<Result<HistoryView>> =>
      api === null ? { ok: false, error: NO_BRIDGE } : settle(() => api.getHistory(query)),
    [api],
  );

  const getDiagnostics = useCallback(
    async (): Promise<Result<Diagnostics>> => (api === null ? { ok: false, error: NO_BRIDGE } : settle(() => api.getDiagnostics())),
    [api],
  );

  const dismissMessage = useCallback(() => setMessage(null), []);

  return {
    state,
    bridgeError,
    now,
    // Another currency's day is never drawn under this total, not even until the new one answers.
    day: day !== null && day.currency === confirmedCurrency ? day.view : null,
    // Shown only until main's state agrees (or the request ends).
    pendingCurrency: pendingCurrency !== null && pendingCurrency !== confirmedCurrency ? pendingCurrency : null,
    message,
    actions: {
      refresh,
      setCurrency,
      saveCredentials,
      clearCredentials,
      addGateAccount,
      removeGateAccount,
      setGateAccount,
      startDemo,
      setPrefs,
      exportHistoryCsv,
      hideWindow,
      openKeyPage,
      openLoginItemSettings,
      updateAction,
      checkKeyHealth,
      getHoldings,
      getHistory,
      getDiagnostics,
      dismissMessage,
    },
  };
}
