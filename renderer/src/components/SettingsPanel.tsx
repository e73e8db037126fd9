/**
 * Preferences and the key, one section component per concern. Every change goes to main at once
 * (main validates and stores); the panel shows what main's state says. The key is only ever
 * known by its hint.
 */
import { useId } from 'react';
import type { CredentialsStatus, PreferencesPatch, ShortcutStatus } from '../../../shared/ipc.js';
import type { Preferences } from '../../../shared/prefs.js';
import { useFocusOnOpen } from '../lib/use-focus-on-open.js';
import { useWords } from '../lib/words.js';
import { AlertsSettings } from './AlertsSettings.js';
import { DisplaySettings } from './DisplaySettings.js';
import { GeneralSettings } from './GeneralSettings.js';
import { KeySettings } from './KeySettings.js';
import { LanguageSection } from './LanguageSection.js';

/** Props: current preferences and key status, and what the controls do. */
export interface SettingsPanelProps {
  readonly prefs: Preferences;
  readonly credentials: CredentialsStatus;
  readonly demo: boolean;
  /** Whether the system granted `prefs.globalShortcut`. */
  readonly shortcut: ShortcutStatus;
  readonly onChange: (patch: PreferencesPatch) => void;
  readonly onReplaceKey: () => void;
  readonly onRemoveKey: (forgetHistory: boolean) => void;
  readonly onClose: () => void;
}

/** The settings view. */
export function SettingsPanel({ prefs, credentials, demo, shortcut, onChange, onReplaceKey, onRemoveKey, onClose }: SettingsPanelProps) {
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
      <GeneralSettings prefs={prefs} shortcut={shortcut} onChange={onChange} />
      <DisplaySettings prefs={prefs} onChange={onChange} />
      <LanguageSection locale={prefs.locale} onChange={onChange} />
      <AlertsSettings prefs={prefs} onChange={onChange} />
      <KeySettings credentials={credentials} demo={demo} onReplaceKey={onReplaceKey} onRemoveKey={onRemoveKey} />
    </section>
  );
}
