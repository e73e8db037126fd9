/** A titled group of settings: each section of Settings is its own component in its own file. */
import { useId, type ReactNode } from 'react';

/** Props: the heading, a test id, and the settings. */
export interface SettingsSectionProps {
  readonly title: string;
  readonly testId: string;
  readonly children: ReactNode;
}

/** A `region` named by its heading. */
export function SettingsSection({ title, testId, children }: SettingsSectionProps) {
  const id = useId();
  return (
    <section className="settings-section" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
