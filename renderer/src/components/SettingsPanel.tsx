/**
 * Preferences and the key, one section component per concern. Every change goes to main at once
 * (main validates and stores); the panel shows what main's state says. The key is only ever
 * known by its hint.
 */
import { useId } from 'react';
import type { Diagnostics } from '../../../shared/diagnostics.js';
import type { Result } from '../../../shared/errors.js';
import type { CredentialsStatus, DesktopStatus, PreferencesPatch, ShortcutStatus } from '../../../shared/ipc.js';
import type { Preferences } from '../../../shared/prefs.js';
import type { KeyHealthState } from '../../../shared/key-health.js';
import { useFocusOnOpen } from '../lib/use-focus-on-open.js';
import { useWords } from '../lib/words.js';
import { AlertsSettings } from './AlertsSettings.js';
import { DiagnosticsSection } from './DiagnosticsSection.js';
import { DisplaySettings } from './DisplaySettings.js';
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
}: SettingsPanelProps) {
  const words = useWords();
  const id = useId();
  const heading = useFocusOnOpen<HTMLHeadingElement>();

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
      <GeneralSettings
        prefs={prefs}
        shortcut={shortcut}
        loginItem={desktop.loginItem}
        onChange={onChange}
        onOpenLoginItems={onOpenLoginItems}
      />
      <DisplaySettings prefs={prefs} onChange={onChange} />
      <LanguageSection locale={prefs.locale} onChange={onChange} />
      <AlertsSettings prefs={prefs} notifications={desktop.notifications} onChange={onChange} />
      <KeySettings
        credentials={credentials}
        demo={demo}
        onReplaceKey={onReplaceKey}
        onRemoveKey={onRemoveKey}
        keyHealth={keyHealth ?? null}
        {...(now !== undefined ? { now } : {})}
        {...(onCheckKeyHealth !== undefined ? { onCheckKeyHealth } : {})}
      />
      <DiagnosticsSection load={loadDiagnostics} />
      <UpdatesSettings update={update} prefs={prefs} onChange={onChange} onAction={onUpdateAction} />
    </section>
  );
}
