/** The app shell: toolbar, canvas and the regions the editor and panels fill. */
import { Canvas } from '../editor/Canvas.tsx';
import { TracePanel } from '../panels/TracePanel.tsx';
import { AppLayout } from './AppLayout.tsx';
import { DocumentInfo } from './DocumentInfo.tsx';
import { LoadErrorDialog } from './LoadErrorDialog.tsx';
import { PalettePlaceholder } from './PalettePlaceholder.tsx';
import { Toolbar } from './toolbar/Toolbar.tsx';
import { useThemeAttribute } from './theme.ts';

export function App() {
  useThemeAttribute();
  return (
    <>
      <AppLayout
        header={<Toolbar />}
        palette={<PalettePlaceholder />}
        canvas={<Canvas />}
        inspector={<DocumentInfo />}
        panels={<TracePanel />}
      />
      <LoadErrorDialog />
    </>
  );
}
