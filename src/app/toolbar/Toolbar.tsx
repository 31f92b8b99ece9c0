/**
 * The header bar, one row from 1,280 px (two at most at 1,024): document title, the File menu,
 * run controls, tasks, course and theme. Buttons keep their width when their text changes (Run /
 * Pause), and some shorten to their icon on narrower windows (their names stay for screen
 * readers). A locked network (classroom link) shows no editing commands.
 */
import { useDocumentStore } from '../../store/index.ts';
import { FileMenu } from '../../editor/files/FileMenu.tsx';
import { RunControls } from './RunControls.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';
import { CourseButtons } from '../classroom/CourseButtons.tsx';
import { useCourseStore } from '../../store/index.ts';
import { ClassButtons } from '../classroom/live/ClassButtons.tsx';
import { TaskButtons } from '../tasks/TaskButtons.tsx';
import { ExportMenu } from '../export/ExportMenu.tsx';

export function Toolbar() {
  const locked = useCourseStore((s) => s.flags.lock);
  return (
    <div className="toolbar">
      <div className="toolbar__brand">
        <span className="toolbar__logo" aria-hidden="true">
          ↻
        </span>
        <span className="toolbar__name">Recurrence</span>
      </div>
      <DocumentTitle />
      <FileMenu locked={locked} />
      <ExportMenu />
      <RunControls />
      <TaskButtons />
      <div className="toolbar__spacer" />
      <CourseButtons />
      <ClassButtons />
      <ThemeToggle />
    </div>
  );
}

function DocumentTitle() {
  const title = useDocumentStore((s) => s.doc.title);
  const dirty = useDocumentStore((s) => s.dirty);
  return (
    <h1 className="toolbar__title" data-testid="document-title" title={dirty ? `${title} (unsaved changes)` : title}>
      {title}
      {dirty && (
        <span className="toolbar__dirty" aria-label="unsaved changes">
          {' '}
          •
        </span>
      )}
    </h1>
  );
}
