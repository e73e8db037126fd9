/**
 * Settings' Language section: follow the system, or one of the languages Gate Glance speaks.
 * Each language is named in itself (with `lang` on its option), so a reader finds theirs
 * whatever language the popover shows now.
 */
import type { PreferencesPatch } from '../../../shared/ipc.js';
import { isLocalePreference, LOCALE_PREFERENCES, type LocalePreference } from '../../../shared/locale.js';
import { useWords } from '../lib/words.js';
import { SettingsSection } from './SettingsSection.js';

/** Props: the current setting and how to change it. */
export interface LanguageSectionProps {
  readonly locale: LocalePreference;
  readonly onChange: (patch: PreferencesPatch) => void;
}

/** The language setting, a section of the settings view. */
export function LanguageSection({ locale, onChange }: LanguageSectionProps) {
  const words = useWords();
  return (
    <SettingsSection title={words.t('settings.section-language')} testId="settings-language">
      <label className="field">
        <span>{words.t('settings.language')}</span>
        <select
          value={locale}
          data-testid="language-select"
          onChange={(e) => {
            if (isLocalePreference(e.target.value)) onChange({ locale: e.target.value });
          }}
        >
          {LOCALE_PREFERENCES.map((l) => (
            <option key={l} value={l} lang={l === 'system' ? undefined : l}>
              {words.t(l === 'system' ? 'settings.language-system' : `language.${l}`)}
            </option>
          ))}
        </select>
        <small className="muted">{words.t('settings.language-note')}</small>
      </label>
    </SettingsSection>
  );
}
