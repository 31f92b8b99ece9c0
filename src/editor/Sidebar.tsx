/** The right-hand region: the inspector, and the schedule view as a second tab. */
import { useEditorStore } from '../store/index.ts';
import { type SidebarTab } from '../store/editorStore.ts';
import { Inspector } from './inspector/Inspector.tsx';
import { ScheduleView } from './schedule/ScheduleView.tsx';

const TABS: { id: SidebarTab; label: string }[] = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'schedule', label: 'Schedule' },
];

export function Sidebar() {
  const tab = useEditorStore((s) => s.sidebarTab);
  const setTab = useEditorStore((s) => s.setSidebarTab);
  return (
    <div className="sidebar sidebar--tabs">
      <div className="tabs" role="tablist" aria-label="Sidebar">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`tabpanel-${t.id}`}
            className={`tabs__tab${tab === t.id ? ' is-active' : ''}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabs__panel">
        {tab === 'inspector' ? <Inspector /> : <ScheduleView />}
      </div>
    </div>
  );
}
