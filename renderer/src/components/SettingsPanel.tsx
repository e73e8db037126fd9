/**
 * Preferences and the key. Every change goes to main at once (main validates and stores);
 * the panel shows what main's state says. The key is only ever known by its hint.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { CredentialsStatus, PreferencesPatch, ShortcutStatus } from '../../../shared/ipc.js';
import {
  MAX_REFRESH_INTERVAL_SEC,
  MAX_SMALL_SLICE_THRESHOLD_PERCENT,
  MIN_REFRESH_INTERVAL_SEC,
  TRAY_PANEL_PREFERENCES,
  type Preferences,
  type TrayPanelPreference,
} from '../../../shared/prefs.js';
import { errorWords } from '../../../shared/present/error-words.js';
import type { Words } from '../../../shared/present/words.js';
import { useWords } from '../lib/words.js';
import { LanguageSection } from './LanguageSection.js';
import { ShortcutField } from './ShortcutField.js';

/** Props: current preferences and key status, and what the controls do. */
export interface SettingsPanelProps {
  readonly prefs: Preferences;
  readonly credentials: CredentialsStatus;
  readonly demo: boolean;
  /** Whether the system granted `prefs.globalShortcut`. */
  readonly shortcut: ShortcutStatus;
  readonly onChange: (patch: PreferencesPatch) => void;
  readonly onReplaceKey: () => void;
  readonly onRemoveKey: () => void;
  readonly onClose: () => void;
}

const INTERVALS = [60, 120, 300, 600, 900, 1800, 3600].filter(
  (s) => s >= MIN_REFRESH_INTERVAL_SEC && s <= MAX_REFRESH_INTERVAL_SEC,
);
const THRESHOLDS = [0, 1, 2, 3, 5, 10, 20].filter((p) => p <= MAX_SMALL_SLICE_THRESHOLD_PERCENT);

function intervalLabel(words: Words, sec: number): string {
  if (sec % 3600 === 0) return sec === 3600 ? words.t('settings.every-hour') : words.t('settings.every-hours', { count: sec / 3600 });
  if (sec % 60 === 0) return sec === 60 ? words.t('settings.every-minute') : words.t('settings.every-minutes', { count: sec / 60 });
  return words.t('settings.every-seconds', { count: sec });
}

const TRAY_PANEL_WORDS = {
  automatic: 'settings.tray-panel-automatic',
  light: 'settings.tray-panel-light',
  dark: 'settings.tray-panel-dark',
} as const satisfies Readonly<Record<TrayPanelPreference, string>>;

/** A titled group of settings; each section is its own component so later settings have an obvious home. */
function SettingsSection({ title, testId, children }: { readonly title: string; readonly testId: string; readonly children: ReactNode }) {
  const id = useId();
  return (
    <section className="settings-section" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** The settings view. */
export function SettingsPanel({ prefs, credentials, demo, shortcut, onChange, onReplaceKey, onRemoveKey, onClose }: SettingsPanelProps) {
  const words = useWords();
  const id = useId();
  const [confirmRemove, setConfirmRemove] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard users land in the panel they just opened.
  useEffect(() => heading.current?.focus(), []);
  const intervals = INTERVALS.includes(prefs.refreshIntervalSec) ? INTERVALS : [...INTERVALS, prefs.refreshIntervalSec].sort((a, b) => a - b);
  const keychain = credentials.keychainError === null ? null : errorWords(words, credentials.keychainError);
  const thresholds = THRESHOLDS.includes(prefs.smallSliceThresholdPercent)
    ? THRESHOLDS
    : [...THRESHOLDS, prefs.smallSliceThresholdPercent].sort((a, b) => a - b);

  return (
    <section className="settings" aria-labelledby={`${id}-title`} data-testid="settings-panel">
      <div className="section-head">
        <h1 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {words.t('settings.title')}
        </h1>
        <button type="button" className="button" onClick={onClose} data-testid="settings-close">
          {words.t('settings.done')}
        </button>
      </div>

      <SettingsSection title={words.t('settings.section-general')} testId="settings-general">
        <label className="field">
          <span>{words.t('settings.refresh')}</span>
          <select
            value={prefs.refreshIntervalSec}
            onChange={(e) => onChange({ refreshIntervalSec: Number(e.target.value) })}
          >
            {intervals.map((s) => (
              <option key={s} value={s}>
                {intervalLabel(words, s)}
              </option>
            ))}
          </select>
          <small className="muted">{words.t('settings.refresh-note')}</small>
        </label>

        <label className="check">
          <input
            type="checkbox"
            checked={prefs.launchAtLogin}
            onChange={(e) => onChange({ launchAtLogin: e.target.checked })}
          />
          <span>{words.t('settings.launch-at-login')}</span>
        </label>
        <ShortcutField prefs={prefs} shortcut={shortcut} onChange={onChange} />
      </SettingsSection>

      <SettingsSection title={words.t('settings.section-display')} testId="settings-display">
        <label className="field">
          <span>{words.t('settings.group-small')}</span>
          <select
            value={prefs.smallSliceThresholdPercent}
            onChange={(e) => onChange({ smallSliceThresholdPercent: Number(e.target.value) })}
          >
            {thresholds.map((p) => (
              <option key={p} value={p}>
                {p === 0 ? words.t('settings.group-never') : words.t('settings.group-below', { percent: p })}
              </option>
            ))}
          </select>
        </label>

        <label className="check">
          <input type="checkbox" checked={prefs.privacy} onChange={(e) => onChange({ privacy: e.target.checked })} />
          <span>{words.t('settings.privacy')}</span>
        </label>

        <label className="field">
          <span>{words.t('settings.tray-panel')}</span>
          <select value={prefs.trayPanel} data-testid="tray-panel-select" onChange={(e) => onChange({ trayPanel: e.target.value as TrayPanelPreference })}>
            {TRAY_PANEL_PREFERENCES.map((p) => (
              <option key={p} value={p}>
                {words.t(TRAY_PANEL_WORDS[p])}
              </option>
            ))}
          </select>
        </label>
      </SettingsSection>

      <LanguageSection locale={prefs.locale} onChange={onChange} />

      {/* Alerts (helper history) and Language (helper i18n) go here, each a SettingsSection of its own. */}


      <div className="key-box" data-testid="key-status">
        <h2>{words.t('settings.api-key')}</h2>
        {keychain !== null ? (
          <p className="warn">
            {keychain.message} {keychain.hint}
          </p>
        ) : null}
        <p className="muted">
          {credentials.stored
            ? words.t('settings.key-stored', { hint: credentials.keyHint ?? '…' })
            : words.t(demo ? 'settings.no-key-demo' : 'settings.no-key')}
        </p>
        <div className="form-actions">
          <button type="button" className="button" onClick={onReplaceKey} data-testid="replace-key">
            {words.t(credentials.stored ? 'settings.replace-key' : 'settings.add-key')}
          </button>
          {credentials.stored && !confirmRemove ? (
            <button type="button" className="button danger" onClick={() => setConfirmRemove(true)} data-testid="remove-key">
              {words.t('settings.remove-key')}
            </button>
          ) : null}
        </div>
        {confirmRemove ? (
          <div className="confirm" role="group" aria-label={words.t('settings.confirm-removal')}>
            <p>{words.t('settings.remove-question')}</p>
            <button
              type="button"
              className="button danger"
              data-testid="confirm-remove-key"
              onClick={() => {
                setConfirmRemove(false);
                onRemoveKey();
              }}
            >
              {words.t('settings.remove')}
            </button>
            <button type="button" className="button" onClick={() => setConfirmRemove(false)}>
              {words.t('settings.keep')}
            </button>
          </div>
        ) : null}
      </div>
    </section>
  );
}
