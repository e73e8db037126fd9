/**
 * The popover: picks the view from the widget state (onboarding, loading, live, stale,
 * error) and the local panel (main, settings, key form). All data and actions come from
 * `useGlance`; everything below is presentational.
 */
import { lazy, Suspense, useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { accountLabel } from '../../shared/accounts.js';
import { accountText } from '../../shared/present/amounts.js';
import { effectiveStatus, dataAgeSeconds } from '../../shared/widget-state.js';
import { Breakdown, type BreakdownView } from './components/Breakdown.js';
import { ChangeLine } from './components/ChangeLine.js';
import { CurrencySelector } from './components/CurrencySelector.js';
import { ErrorPanel } from './components/ErrorPanel.js';
import { HistoryRow } from './components/HistoryRow.js';
import type { ErrorPanelProps } from './components/ErrorPanel.js';
import { LoadingSkeleton } from './components/LoadingSkeleton.js';
import { StatusBadge } from './components/StatusBadge.js';
import { StatusLine } from './components/StatusLine.js';
import { KeyExpiryLine } from './components/KeyExpiryLine.js';
import { TrayHostNotice } from './components/TrayHostNotice.js';
import { TotalHeader } from './components/TotalHeader.js';
import { IncludesLine } from './components/IncludesLine.js';
import { PortfolioBreakdown } from './components/PortfolioBreakdown.js';
import { portfolioFetchedAt, portfolioSnapshot, type PortfolioGrouping } from './lib/portfolio-view.js';
import { actionFor } from './lib/error-actions.js';
import { useLocaleWords } from './lib/use-locale-words.js';
import { useWords, WordsContext } from './lib/words.js';
import { UpdateBar } from './components/UpdateBar.js';
import { useGlance, type GlanceView, type UseGlanceOptions } from './use-glance.js';

/** Props: test seams only (a fake API and clock); the app renders `<App />`. */
export interface AppProps {
  readonly glance?: UseGlanceOptions;
}

type Panel = 'main' | 'settings' | 'key-form' | 'holdings' | 'chart' | 'source';

// Views opened later, each its own chunk: the first view's JavaScript stays within budget without them.
const HoldingsPanel = lazy(() => import('./components/HoldingsPanel.js').then((m) => ({ default: m.HoldingsPanel })));
const SettingsPanel = lazy(() => import('./components/SettingsPanel.js').then((m) => ({ default: m.SettingsPanel })));
const HistoryChartPanel = lazy(() => import('./components/HistoryChartPanel.js').then((m) => ({ default: m.HistoryChartPanel })));
const SourcePanel = lazy(() => import('./components/SourcePanel.js').then((m) => ({ default: m.SourcePanel })));
const OnboardingForm = lazy(() => import('./components/OnboardingForm.js').then((m) => ({ default: m.OnboardingForm })));

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

function subscribeMotion(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const mq = window.matchMedia(REDUCED_MOTION);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

function readMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(REDUCED_MOTION).matches;
}

/** Whether the OS asks for less motion (recharts animation is turned off then). */
function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribeMotion, readMotion, () => false);
}

/** The whole popover, in the language core chose (a Chinese catalogue loads on demand). */
export function App({ glance }: AppProps) {
  const view = useGlance(glance);
  const words = useLocaleWords(view.state?.locale ?? null);
  // The first catalogue is on its way (a few milliseconds from the app's own files).
  if (words === null) return <main className="app" aria-busy="true" />;
  return (
    <WordsContext.Provider value={words}>
      <Popover view={view} />
    </WordsContext.Provider>
  );
}

function Popover({ view }: { readonly view: GlanceView }) {
  const { state, bridgeError, now, day, pendingCurrency, message, actions } = view;
  const [chosenPanel, setPanel] = useState<Panel>('main');
  const [breakdownView, setBreakdownView] = useState<BreakdownView>('chart');
  const [holdingsAccount, setHoldingsAccount] = useState<string | null>(null);
  // A portfolio's pie grouping, the source whose view is open, and the source the open holdings belong to.
  const [grouping, setGrouping] = useState<PortfolioGrouping>('type');
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [holdingsSource, setHoldingsSource] = useState<string | null>(null);
  // A source's view whose source left the portfolio (removed, or now counted as its own key) is the main view again.
  const panel: Panel =
    chosenPanel === 'source' && !(state?.portfolio?.sources.some((s) => s.id === sourceId) ?? false) ? 'main' : chosenPanel;
  const reducedMotion = useReducedMotion();
  const words = useWords();
  const { hideWindow } = actions;

  // Escape closes an open panel first, then hides the popover.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      if (panel !== 'main') setPanel('main');
      else void hideWindow();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [panel, hideWindow]);

  const openKeyForm = useCallback(() => setPanel('key-form'), []);
  const backToMain = useCallback(() => setPanel('main'), []);
  const openHoldings = useCallback((account: string) => {
    setHoldingsAccount(account);
    setHoldingsSource(null);
    setPanel('holdings');
  }, []);
  const openSource = useCallback((id: string) => {
    setSourceId(id);
    setPanel('source');
  }, []);
  const openSourceHoldings = useCallback(
    (account: string) => {
      setHoldingsAccount(account);
      setHoldingsSource(sourceId);
      setPanel('holdings');
    },
    [sourceId],
  );

  if (state === null) {
    return (
      <main className="app">
        {bridgeError !== null ? (
          <ErrorPanel
            variant="error"
            error={bridgeError}
            ageSeconds={null}
            nextRefreshAt={null}
            rateLimitedUntil={null}
            now={now}
            refreshing={false}
            onRetry={() => window.location.reload()}
            onFixKey={() => window.location.reload()}
          />
        ) : (
          <LoadingSkeleton header />
        )}
      </main>
    );
  }

  const status = effectiveStatus(state, now);
  const privacy = state.prefs.privacy;
  const messageBar =
    message !== null ? (
      <div className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="message">
        <span>
          {message.error !== null ? <code>{message.error.code}</code> : null} {message.text(words)}
        </span>
        <button type="button" className="icon-button" aria-label={words.t('popover.dismiss')} onClick={actions.dismissMessage}>
          ×
        </button>
      </div>
    ) : null;

  if (panel === 'settings') {
    return (
      <main className="app">
        {messageBar}
        <Suspense fallback={<LoadingSkeleton what="view" />}>
          <SettingsPanel
            prefs={state.prefs}
            credentials={state.credentials}
            demo={state.demo}
            shortcut={state.shortcut}
            desktop={state.desktop}
            onChange={(patch) => void actions.setPrefs(patch)}
            onReplaceKey={openKeyForm}
            onRemoveKey={(forgetHistory) => void actions.clearCredentials({ forgetHistory })}
            onClose={backToMain}
            loadDiagnostics={actions.getDiagnostics}
            update={state.update}
            onUpdateAction={(action) => void actions.updateAction(action)}
            keyHealth={state.keyHealth}
            now={now}
            onCheckKeyHealth={() => void actions.checkKeyHealth()}
            onOpenLoginItems={() => void actions.openLoginItemSettings()}
            gateAccounts={state.gateAccounts}
            sources={state.portfolio?.sources ?? []}
            onAddGateAccount={actions.addGateAccount}
            onRemoveGateAccount={(profile) => void actions.removeGateAccount(profile)}
            onSetGateAccount={(patch) => void actions.setGateAccount(patch)}
            onOpenKeyPage={() => void actions.openKeyPage()}
          />
        </Suspense>
      </main>
    );
  }

  if (panel === 'key-form' || status === 'onboarding') {
    const firstRun = status === 'onboarding' && panel !== 'key-form';
    return (
      <main className="app">
        {messageBar}
        <Suspense fallback={<LoadingSkeleton what="view" />}>
          <OnboardingForm
            credentials={state.credentials}
            mode={state.credentials.stored ? 'replace' : 'first-run'}
            onSave={actions.saveCredentials}
            onOpenKeyPage={() => void actions.openKeyPage()}
            onDemo={
              state.demo
                ? null
                : () => {
                    setPanel('main');
                    void actions.startDemo();
                  }
            }
            onCancel={firstRun ? null : backToMain}
            onSaved={backToMain}
          />
        </Suspense>
      </main>
    );
  }

  const portfolio = state.portfolio;
  // With more than the first key's own account counted, the total is the combined figure (as of its stalest part).
  const combinedAt = portfolio === null ? null : portfolioFetchedAt(portfolio, state.balance?.fetchedAt ?? now);
  const balance = portfolio === null || combinedAt === null ? state.balance : portfolioSnapshot(portfolio, 'type', combinedAt);
  const openedSource = panel === 'source' ? (portfolio?.sources.find((s) => s.id === sourceId) ?? null) : null;
  const shownCurrency = pendingCurrency ?? state.currency;
  const age = dataAgeSeconds(state, now);
  const switching = balance !== null && balance.currency !== shownCurrency;
  // What the status line's explanation and the error view share; only the variant and the age differ.
  const errorPanel = {
    error: state.error,
    nextRefreshAt: state.nextRefreshAt,
    rateLimitedUntil: state.rateLimitedUntil,
    now,
    refreshing: state.refreshing,
    onRetry: () => void actions.refresh(),
    onFixKey: openKeyForm,
    // A keychain that cannot be used keeps the account closed; the demo still works.
    onDemo: state.demo ? null : () => void actions.startDemo(),
  } satisfies Omit<ErrorPanelProps, 'variant' | 'ageSeconds'>;

  // At the foot of the main view, where it never pushes the figures down.
  const demoStrip = state.demo ? (
    <div className="demo-strip" data-testid="demo-strip">
      <span>{words.t('popover.demo-strip')}</span>
      <button type="button" className="link-button" data-testid="connect-account" onClick={openKeyForm}>
        {words.t('popover.connect')}
      </button>
    </div>
  ) : null;

  return (
    <main className="app" data-status={status}>
      <header className="topbar">
        <h1 className="app-name">{words.t('popover.app-name')}</h1>
        <StatusBadge
          // A combined figure holding a source's last good value is not live, whatever the first key's state.
          status={status === 'live' && state.portfolio?.combined.stale === true ? 'stale' : status}
          refreshing={state.refreshing}
          demo={state.demo}
          keyProblem={state.error !== null && actionFor(state.error.code) === 'fix-key'}
        />
        <span className="spacer" />
        <button
          type="button"
          className="icon-button"
          aria-label={words.t('popover.hide-amounts')}
          aria-pressed={privacy}
          data-testid="privacy-toggle"
          onClick={() => void actions.setPrefs({ privacy: !privacy })}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path d="M1 8s2.5-5 7-5 7 5 7 5-2.5 5-7 5-7-5-7-5z" fill="none" stroke="currentColor" strokeWidth="1.3" />
            <circle cx="8" cy="8" r="2" fill="currentColor" />
            {privacy ? <path d="M2 14L14 2" stroke="currentColor" strokeWidth="1.4" /> : null}
          </svg>
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={words.t('popover.settings')}
          data-testid="settings-open"
          onClick={() => setPanel('settings')}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <circle cx="8" cy="8" r="2.2" fill="none" stroke="currentColor" strokeWidth="1.3" />
            <path
              d="M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4"
              stroke="currentColor"
              strokeWidth="1.3"
              strokeLinecap="round"
            />
          </svg>
        </button>
      </header>
      {/* Right under the header in every state and currency: nothing above it changes height. */}
      <CurrencySelector value={shownCurrency} onChange={(c) => void actions.setCurrency(c)} />
      {balance !== null ? (
        <>
          <TotalHeader
            balance={balance}
            privacy={privacy}
            now={now}
            foot={
              switching ? (
                <div className="muted switching" role="status" data-testid="switching">
                  {words.t('popover.switching', { from: balance.currency, to: shownCurrency })}
                </div>
              ) : status === 'stale' || status === 'error' ? (
                <StatusLine ageSeconds={age} {...errorPanel} />
              ) : null
            }
          >
            <ChangeLine
              change={switching ? null : portfolio !== null ? portfolio.change24h : state.change24h}
              currency={balance.currency}
              day={day}
              privacy={privacy}
              colours={state.prefs.changeColours}
              locale={state.locale.formatLocale ?? state.locale.language}
              intervalMs={state.prefs.refreshIntervalSec * 1000}
              reserve={!state.demo}
            />
            {portfolio !== null ? <IncludesLine portfolio={portfolio} /> : null}
          </TotalHeader>
        </>
      ) : null}
      <KeyExpiryLine health={state.keyHealth?.health ?? null} now={now} />
      <TrayHostNotice hint={state.desktop.trayHostHint} />
      {messageBar}
      <UpdateBar update={state.update} onAction={(action) => void actions.updateAction(action)} />
      {balance !== null ? (
        <>
          {panel === 'holdings' && holdingsAccount !== null ? (
            <Suspense fallback={<LoadingSkeleton what="view" />}>
              <HoldingsPanel
                account={holdingsAccount}
                label={accountText(words, { name: holdingsAccount, label: accountLabel(holdingsAccount) })}
                currency={balance.currency}
                privacy={privacy}
                now={now}
                load={actions.getHoldings}
                onBack={holdingsSource !== null ? () => setPanel('source') : backToMain}
                onFixKey={openKeyForm}
                {...(holdingsSource !== null ? { source: holdingsSource } : {})}
              />
            </Suspense>
          ) : panel === 'chart' ? (
            <Suspense fallback={<LoadingSkeleton what="view" />}>
              <HistoryChartPanel
                demo={state.demo}
                currency={balance.currency}
                privacy={privacy}
                fetchedAt={balance.fetchedAt}
                load={actions.getHistory}
                onBack={backToMain}
                {...(portfolio !== null ? { series: 'combined' as const } : {})}
              />
            </Suspense>
          ) : openedSource !== null ? (
            <Suspense fallback={<LoadingSkeleton what="view" />}>
              <SourcePanel
                source={openedSource}
                currency={balance.currency}
                privacy={privacy}
                now={now}
                thresholdPercent={state.prefs.smallSliceThresholdPercent}
                reducedMotion={reducedMotion}
                view={breakdownView}
                onViewChange={setBreakdownView}
                onOpenAccount={openSourceHoldings}
                onBack={backToMain}
              />
            </Suspense>
          ) : (
            <>
              {portfolio !== null ? (
                <PortfolioBreakdown
                  portfolio={portfolio}
                  fetchedAt={balance.fetchedAt}
                  privacy={privacy}
                  thresholdPercent={state.prefs.smallSliceThresholdPercent}
                  reducedMotion={reducedMotion}
                  grouping={grouping}
                  onGroupingChange={setGrouping}
                  view={breakdownView}
                  onViewChange={setBreakdownView}
                  onOpenSource={openSource}
                />
              ) : (
                <Breakdown
                  balance={balance}
                  privacy={privacy}
                  thresholdPercent={state.prefs.smallSliceThresholdPercent}
                  reducedMotion={reducedMotion}
                  view={breakdownView}
                  onViewChange={setBreakdownView}
                  onOpenAccount={openHoldings}
                />
              )}
              <div className="main-foot">
                <HistoryRow onOpenChart={() => setPanel('chart')} onExport={() => void actions.exportHistoryCsv()} />
                {demoStrip}
              </div>
            </>
          )}
        </>
      ) : status === 'error' || status === 'stale' ? (
        <ErrorPanel variant="error" ageSeconds={null} {...errorPanel} />
      ) : (
        <LoadingSkeleton />
      )}
      {balance === null || panel !== 'main' ? <div className="main-foot">{demoStrip}</div> : null}
    </main>
  );
}
