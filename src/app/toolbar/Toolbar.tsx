/** The header bar: document title, file actions, run controls, tasks, theme toggle. */
import { useDocumentStore } from '../../store/index.ts';
import { FileMenu } from '../../editor/files/FileMenu.tsx';
import { RunControls } from './RunControls.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';
import { CourseButtons } from '../classroom/CourseButtons.tsx';
import { ClassButtons } from '../classroom/live/ClassButtons.tsx';
import { TaskButtons } from '../tasks/TaskButtons.tsx';
import { ExportMenu } from '../export/ExportMenu.tsx';

export function Toolbar() {
  return (
    <div className="toolbar">
      <div className="toolbar__brand">
        <span className="toolbar__logo" aria-hidden="true">
          ↻
        </span>
        <span className="toolbar__name">Recurrence</span>
      </div>
      <DocumentTitle />
      <FileMenu />
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
    <h1 className="toolbar__title" data-testid="document-title" title={dirty ? 'Unsaved changes' : undefined}>
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
