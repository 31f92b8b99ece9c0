/**
 * Entry point: registers the node kinds' specs (src/kinds/specs.ts: no builder or engine module
 * on the page), makes the app's stores and commands, starts what runs beside the UI (test bridge, session with autosave and share link, lesson progress, the URL's
 * classroom flags), then renders the React app inside their providers.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './kinds/specs.ts';
import { App } from './app/App.tsx';
import { initialTheme } from './app/theme.ts';
import { installTestBridge } from './app/testBridge.ts';
import { startLessonProgress } from './app/lessons/progress.ts';
import { startClassroom } from './app/classroom/startClassroom.ts';
import { LiveClassroomProvider } from './app/classroom/live/context.tsx';
import { createLiveClassroom, joinFromLink } from './app/classroom/live/liveClassroom.ts';
import { CommandsProvider, createAppCommands } from './editor/commands/appContext.ts';
import { createAppStores, StoresProvider } from './store/index.ts';
import { startSession } from './store/session.ts';
import { createClassStore } from './store/classStore.ts';
import './app/app.css';

const stores = createAppStores({ theme: initialTheme() });
const commands = createAppCommands(stores);
const classroom = createLiveClassroom(stores, createClassStore());
installTestBridge(stores, classroom);
startSession(stores);
startLessonProgress(stores.course);
startClassroom(stores);
joinFromLink(classroom);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoresProvider stores={stores}>
      <CommandsProvider value={commands}>
        <LiveClassroomProvider classroom={classroom}>
          <App />
        </LiveClassroomProvider>
      </CommandsProvider>
    </StoresProvider>
  </StrictMode>,
);
