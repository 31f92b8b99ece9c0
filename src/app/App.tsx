/** The app shell: toolbar, canvas and the regions the editor and panels fill. */
import { Canvas } from '../editor/Canvas.tsx';
import { EditorHost } from '../editor/EditorHost.tsx';
import { Palette } from '../editor/palette/Palette.tsx';
import { Sidebar } from '../editor/Sidebar.tsx';
import { PanelsRegion } from '../panels/PanelsRegion.tsx';
import { AppLayout } from './AppLayout.tsx';
import { LoadErrorDialog } from './LoadErrorDialog.tsx';
import { Toolbar } from './toolbar/Toolbar.tsx';
import { useThemeAttribute } from './theme.ts';
import { CourseHost } from './classroom/CourseHost.tsx';
import { CourseDrawer } from './classroom/CourseDrawer.tsx';
import { ClassHost } from './classroom/live/ClassHost.tsx';
import { MemoryCapacityDialog } from './tasks/MemoryCapacityDialog.tsx';
import { TrainDialog } from './tasks/TrainDialog.tsx';

export function App() {
  useThemeAttribute();
  return (
    <>
      <AppLayout
        header={<Toolbar />}
        palette={<Palette />}
        canvas={<Canvas />}
        inspector={<Sidebar />}
        panels={<PanelsRegion />}
        course={<CourseDrawer />}
      />
      <LoadErrorDialog />
      <EditorHost />
      <CourseHost />
      <ClassHost />
      <TrainDialog />
      <MemoryCapacityDialog />
    </>
  );
}
