/** One sentence for where the updater stands, shared by Settings and the popover's update line. */
import type { UpdateState } from '../../../shared/updates.js';
import { useWords } from '../lib/words.js';

export function UpdateStatusText({ update }: { readonly update: UpdateState }) {
  const words = useWords();
  const { phase } = update;
  switch (phase.kind) {
    case 'idle':
      return null;
    case 'checking':
      return <>{words.t('update.phase.checking')}</>;
    case 'up-to-date':
      return <>{words.t('update.phase.up-to-date')}</>;
    case 'available':
      return (
        <>{words.t(update.mode === 'self' ? 'update.phase.available' : 'update.phase.available-notify', { version: phase.version })}</>
      );
    case 'downloading':
      return <>{words.t('update.phase.downloading', { version: phase.version, percent: phase.percent })}</>;
    case 'ready':
      return <>{words.t('update.phase.ready', { version: phase.version })}</>;
    case 'failed':
      return <>{words.t(`update.failure.${phase.failure}`)}</>;
  }
}
