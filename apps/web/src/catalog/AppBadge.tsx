// A small coloured square with an app's initials, so apps are told apart at a glance in lists and steps.
import { appInitials } from '../builder/labels.ts';
import './catalog.css';

const HUES = [226, 160, 12, 280, 36, 196, 330, 100];

function hueOf(key: string): number {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return HUES[hash % HUES.length] ?? 226;
}

export function AppBadge({ appKey, name, size = 'md' }: { appKey: string; name: string; size?: 'sm' | 'md' }) {
  const hue = hueOf(appKey);
  return (
    <span
      className={size === 'sm' ? 'app-badge app-badge-sm' : 'app-badge'}
      style={{ background: `hsl(${hue} 70% 94%)`, color: `hsl(${hue} 55% 30%)`, borderColor: `hsl(${hue} 45% 82%)` }}
      aria-hidden="true"
    >
      {appInitials(name)}
    </span>
  );
}
