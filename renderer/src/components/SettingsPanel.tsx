/**
 * Preferences and the key, one section component per concern, behind five tabs so each fits the
 * 360×480 popover: General (with the language), Display, Alerts, Accounts (the first key's
 * controls, then every Gate key the app reads), Advanced (diagnostics and updates). Tabs rather
 * than a list of sections to drill into: at 360 px five short labels fit one row, every section
 * is one click from every other, and nothing needs a second Back (the way a desktop app's
 * settings window switches panes). The tab list follows the WAI-ARIA
 * tabs pattern: one tab in the Tab order, the arrow keys, Home and End move and select. Every
 * panel stays mounted (hidden when not chosen), so a half-written alert survives a look
 * elsewhere. Every change goes to main at once (main validates and stores); the panel shows what
 * main's state says. The key is only ever known by its hint.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Diagnostics } from '../../../shared/diagnostics.js';
import type { Result } from '../../../shared/errors.js';
import type {
  AddGateAccountInput,
  AddGateAccountResult,
  CredentialsStatus,
  DesktopStatus,
  GateAccountPatch,
  PreferencesPatch,
  ShortcutStatus,
} from '../../../shared/ipc.js';
import type { GateAccount, Source } from '../../../shared/portfolio.js';
import type { Preferences } from '../../../shared/prefs.js';
import type { KeyHealthState } from '../../../shared/key-health.js';
import { useFocusOnOpen } from '../lib/use-focus-on-open.js';
import { useWords } from '../lib/words.js';
import { AlertsSettings } from './AlertsSettings.js';
import { DiagnosticsSection } from './DiagnosticsSection.js';
import { DisplaySettings } from './DisplaySettings.js';
import { GateAccountsSettings } from './GateAccountsSettings.js';
import { GeneralSettings } from './GeneralSettings.js';
import { KeySettings } from './KeySettings.js';
import { LanguageSection } from './LanguageSection.js';
import { UpdatesSettings } from './UpdatesSettings.js';
import type { UpdateState } from '../../../shared/updates.js';
import type { UpdateAction } from '../use-glance.js';

/** Props: current preferences and key status, and what the controls do. */
export interface SettingsPanelProps {
  readonly prefs: Preferences;
  readonly credentials: CredentialsStatus;
  readonly demo: boolean;
  /** Whether the system granted `prefs.globalShortcut`. */
  readonly shortcut: ShortcutStatus;
  /** What the desktop allows (notifications, the login item). */
  readonly desktop: DesktopStatus;
  readonly onChange: (patch: PreferencesPatch) => void;
  readonly onReplaceKey: () => void;
  readonly onRemoveKey: (forgetHistory: boolean) => void;
  readonly onClose: () => void;
  /** Runs the doctor's checks in main (Diagnostics). */
  readonly loadDiagnostics: () => Promise<Result<Diagnostics>>;
  readonly update: UpdateState;
  readonly onUpdateAction: (action: UpdateAction) => void;
  readonly keyHealth?: KeyHealthState | null;
  readonly now?: number;
  readonly onCheckKeyHealth?: () => void;
  /** macOS 13+: opens Login Items, where a login item waiting for approval is allowed. */
  readonly onOpenLoginItems: () => void;
  /** Settings › Gate accounts: the keys main lists, the portfolio's sources (empty without one), and what its controls ask. */
  readonly gateAccounts?: readonly GateAccount[];
  readonly sources?: readonly Source[];
  readonly onAddGateAccount?: (input: AddGateAccountInput) => Promise<Result<AddGateAccountResult>>;
  readonly onRemoveGateAccount?: (profile: string) => void;
  readonly onSetGateAccount?: (patch: GateAccountPatch) => void;
  readonly onOpenKeyPage?: () => void;
}

/** The tabs, in order, with the words of their labels. */
const TABS = [
  ['general', 'settings.section-general'],
  ['display', 'settings.section-display'],
  ['alerts', 'settings.section-alerts'],
  ['key', 'settings.accounts.tab'],
  ['advanced', 'settings.section-advanced'],
] as const;

/** A tab of Settings. */
export type SettingsTab = (typeof TABS)[number][0];

/** Where an arrow, Home or End key moves from tab `from` (wrapping), or null for another key. */
function nextTab(from: number, key: string, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (from + 1) % count;
    case 'ArrowLeft':
      return (from - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** The settings view. */
export function SettingsPanel({
  prefs,
  credentials,
  demo,
  shortcut,
  desktop,
  onChange,
  onReplaceKey,
  onRemoveKey,
  onClose,
  loadDiagnostics,
  update,
  onUpdateAction,
  keyHealth,
  now,
  onCheckKeyHealth,
  onOpenLoginItems,
  gateAccounts = [],
  sources = [],
  onAddGateAccount,
  onRemoveGateAccount,
  onSetGateAccount,
  onOpenKeyPage,
}: SettingsPanelProps) {
  const words = useWords();
  const id = useId();
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const [tab, setTab] = useState<SettingsTab>('general');
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const to = nextTab(
      TABS.findIndex(([t]) => t === tab),
      event.key,
      TABS.length,
    );
    if (to === null) return;
    event.preventDefault();
    setTab(TABS[to]![0]);
    tabs.current[to]?.focus();
  };
  const panel = (name: SettingsTab) => ({
    role: 'tabpanel',
    id: `${id}-panel-${name}`,
    'aria-labelledby': `${id}-tab-${name}`,
    hidden: tab !== name,
    className: 'settings-pane',
    'data-testid': `settings-pane-${name}`,
  });

  return (
    <section className="settings" aria-labelledby={`${id}-title`} data-testid="settings-panel">
      <div className="section-head">
        <h1 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {words.t('settings.title')}
        </h1>
        <button type="button" className="link-button" onClick={onClose} data-testid="settings-close">
          <span aria-hidden="true">← </span>
          {words.t('settings.done')}
        </button>
      </div>
      <div className="segmented settings-tabs" role="tablist" aria-label={words.t('settings.sections')} onKeyDown={onTabKey}>
        {TABS.map(([name, label], i) => (
          <button
            key={name}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            className="segment"
            id={`${id}-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`${id}-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            data-testid={`settings-tab-${name}`}
            onClick={() => setTab(name)}
          >
            {words.t(label)}
          </button>
        ))}
      </div>
      <div {...panel('general')}>
        <GeneralSettings
          prefs={prefs}
          shortcut={shortcut}
          loginItem={desktop.loginItem}
          onChange={onChange}
          onOpenLoginItems={onOpenLoginItems}
        />
        <LanguageSection locale={prefs.locale} onChange={onChange} />
      </div>
      <div {...panel('display')}>
        <DisplaySettings prefs={prefs} onChange={onChange} />
      </div>
      <div {...panel('alerts')}>
        <AlertsSettings prefs={prefs} notifications={desktop.notifications} onChange={onChange} />
      </div>
      <div {...panel('key')}>
        <KeySettings
          credentials={credentials}
          demo={demo}
          onReplaceKey={onReplaceKey}
          onRemoveKey={onRemoveKey}
          keyHealth={keyHealth ?? null}
          {...(now !== undefined ? { now } : {})}
          {...(onCheckKeyHealth !== undefined ? { onCheckKeyHealth } : {})}
        />
        {onAddGateAccount !== undefined &&
        onRemoveGateAccount !== undefined &&
        onSetGateAccount !== undefined &&
        onOpenKeyPage !== undefined ? (
          <GateAccountsSettings
            gateAccounts={gateAccounts}
            sources={sources}
            prefs={prefs}
            credentials={credentials}
            demo={demo}
            onAdd={onAddGateAccount}
            onRemove={onRemoveGateAccount}
            onSet={onSetGateAccount}
            onChange={onChange}
            onOpenKeyPage={onOpenKeyPage}
          />
        ) : null}
      </div>
      <div {...panel('advanced')}>
        <DiagnosticsSection load={loadDiagnostics} />
        <UpdatesSettings update={update} prefs={prefs} onChange={onChange} onAction={onUpdateAction} />
      </div>
    </section>
  );
}
